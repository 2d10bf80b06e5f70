package org.readiness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates a national programme's worth of data through a running service's own API, so every result is
 * validated, scored by the rules and stored exactly as a real submission would be: N organisations (codes
 * S70000000 upwards, spread over regions and types), each with M submitted assessments, one per quarter from
 * 2021-01, answered at random with a drift upwards over time (seeded, so every run makes the same data).
 * <pre>
 *   ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.readiness.bench.GenerateProgramme \
 *       -Dbench.args="http://localhost:8391 500 20 4"
 * </pre>
 * Arguments: base URL, organisations (500), assessments each (20), threads (4), admin user (admin) and
 * password (demo). The admin creates each organisation and its org-lead (lead-&lt;code&gt;, password
 * {@value #LEAD_PASSWORD}), who answers and submits. See docs/performance.md.
 */
public final class GenerateProgramme {

    static final String[] REGIONS = {"West of Scotland", "East of Scotland", "North of Scotland", "South of Scotland"};
    static final String[] TYPES = {"LOCAL_AUTHORITY", "LOCAL_AUTHORITY", "HEALTH_BOARD", "THIRD_SECTOR", "OTHER"};

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    static final String LEAD_PASSWORD = "generated-lead";

    private final String base;
    private final String admin;

    private GenerateProgramme(String base, String adminUser, String adminPassword) {
        this.base = base.replaceAll("/$", "");
        this.admin = basic(adminUser, adminPassword);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The code of the i-th generated organisation (statistical-code shape, S7...: no real area has one). */
    public static String code(int i) {
        return String.format("S7%07d", i);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8391";
        int organisations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int assessments = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String adminUser = args.length > 4 ? args[4] : "admin";
        String adminPassword = args.length > 5 ? args[5] : "demo";
        new GenerateProgramme(base, adminUser, adminPassword).run(organisations, assessments, threads);
    }

    private void run(int organisations, int assessments, int threads) throws Exception {
        JsonNode questionnaire = json.readTree(send(admin, "GET", "/api/v1/questionnaires/nttp-readiness", null, 200));
        List<JsonNode> items = new ArrayList<>();
        questionnaire.get("themes").forEach(t -> t.get("enablers").forEach(e -> e.get("items").forEach(items::add)));
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            int index = i;
            work.add(pool.submit(() -> {
                organisation(index, assessments, items);
                int n = done.incrementAndGet();
                if (n % 50 == 0) {
                    System.out.printf("%d organisations, %d results, %.0f s%n", n, n * assessments,
                            (System.nanoTime() - start) / 1e9);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("Generated %d organisations x %d submitted assessments in %.0f s%n", organisations,
                assessments, (System.nanoTime() - start) / 1e9);
    }

    private void organisation(int i, int assessments, List<JsonNode> items) throws IOException, InterruptedException {
        Random random = new Random(i);
        String code = code(i);
        String body = "{\"code\":\"" + code + "\",\"name\":\"Generated organisation " + i + "\",\"type\":\""
                + TYPES[i % TYPES.length] + "\",\"region\":\"" + REGIONS[i % REGIONS.length] + "\"}";
        send(admin, "POST", "/api/v1/organisations", body, 201);
        String leadName = "lead-" + code.toLowerCase();
        send(admin, "POST", "/api/v1/users", "{\"username\":\"" + leadName + "\",\"password\":\"" + LEAD_PASSWORD
                + "\",\"roles\":[\"org-lead\"],\"organisation\":\"" + code + "\"}", 201);
        String lead = basic(leadName, LEAD_PASSWORD);
        double level = random.nextDouble() * 2;   // where this organisation starts, 0-2 on the scale
        for (int a = 0; a < assessments; a++) {
            int month = a * 3;
            String period = String.format("%d-%02d", 2021 + month / 12, month % 12 + 1);
            String created = send(lead, "POST", "/api/v1/assessments", "{\"organisation\":\"" + code
                    + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"" + period + "\"}", 201);
            String id = json.readTree(created).get("id").asText();
            StringBuilder answers = new StringBuilder("{\"answers\":[");
            double mean = Math.min(4, level + 2.0 * a / Math.max(1, assessments - 1));
            for (int k = 0; k < items.size(); k++) {
                JsonNode item = items.get(k);
                int point = (int) Math.max(0, Math.min(4, Math.round(mean + random.nextGaussian())));
                String value = "percentage".equals(item.path("type").asText()) ? String.valueOf(Math.min(100, point * 25))
                        : String.valueOf(point);
                answers.append(k == 0 ? "" : ",").append("{\"question\":\"").append(item.get("id").asText())
                        .append("\",\"value\":").append(value).append('}');
            }
            send(lead, "PUT", "/api/v1/assessments/" + id + "/answers", answers.append("]}").toString(), 200);
            send(lead, "POST", "/api/v1/assessments/" + id + "/submit", null, 201);
        }
    }

    private String send(String authorization, String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
