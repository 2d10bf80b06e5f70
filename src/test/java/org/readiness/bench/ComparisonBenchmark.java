package org.readiness.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The comparison and progress views end to end over HTTP, against a running service that holds the data of
 * {@link GenerateProgramme} (500 organisations x 20 results). Measures what a client waits for: SQL, shaping,
 * JSON (or CSV) and the local network hop. Sample mode, so that JMH reports the median (p0.50).
 * <pre>
 *   ./mvnw -Pbench test-compile exec:exec -Dbench.args="ComparisonBenchmark -p baseUrl=http://localhost:8391"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ComparisonBenchmark {

    @Param("http://localhost:8391")
    public String baseUrl;

    /** An analyst's (or any national role's) user and password: the views are for national staff. */
    @Param("analyst:demo")
    public String credentials;

    /** How many generated organisations there are, to pick one at random for progress. */
    @Param("500")
    public int organisations;

    private HttpClient http;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        http = HttpClient.newHttpClient();
        String body = get("/api/v1/comparison?questionnaire=nttp-readiness", "application/json");
        if (!body.contains(GenerateProgramme.code(organisations - 1))) {
            throw new IllegalStateException("The service at " + baseUrl + " does not hold the generated data: run "
                    + "GenerateProgramme first (docs/performance.md)");
        }
    }

    @Benchmark
    public String comparisonAllOrganisations() throws IOException, InterruptedException {
        return get("/api/v1/comparison?questionnaire=nttp-readiness", "application/json");
    }

    @Benchmark
    public String comparisonOneRegionAsOfAPeriod() throws IOException, InterruptedException {
        return get("/api/v1/comparison?questionnaire=nttp-readiness&region=West%20of%20Scotland&period=2023-06",
                "application/json");
    }

    @Benchmark
    public String comparisonAllOrganisationsCsv() throws IOException, InterruptedException {
        return get("/api/v1/comparison?questionnaire=nttp-readiness", "text/csv");
    }

    @Benchmark
    public String progressOfOneOrganisation() throws IOException, InterruptedException {
        int i = ThreadLocalRandom.current().nextInt(organisations);
        return get("/api/v1/organisations/" + GenerateProgramme.code(i) + "/progress", "application/json");
    }

    private String get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", accept)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
