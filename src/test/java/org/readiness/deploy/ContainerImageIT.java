package org.readiness.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No container engine runs here, so the image cannot be built in the suite. This checks, after package, that
 * src/main/docker/Dockerfile.jvm and .dockerignore fit the build output: every COPY source exists and no file of
 * it is left out of the build context, the entry point's jar is copied, the data folders land where the
 * environment points, the user is not root, and the exposed and probed port is the configured one. It runs for
 * the default image (the PostgreSQL build) and for the H2 demo (APP=target/quarkus-app).
 */
class ContainerImageIT {

    private static final Path PROJECT = Path.of(System.getProperty("readiness.it.project-dir", "")).toAbsolutePath();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    record Copy(String source, String destination) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "target/quarkus-app"})
    void everyCopySourceExistsAndIsInTheBuildContext(String app) throws IOException {
        Dockerfile docker = Dockerfile.read(PROJECT.resolve("src/main/docker/Dockerfile.jvm"), app);
        DockerIgnore ignore = DockerIgnore.read(PROJECT.resolve(".dockerignore"));
        assertThat(docker.copies).as("COPY instructions").hasSizeGreaterThanOrEqualTo(7);

        for (Copy copy : docker.copies) {
            Path source = PROJECT.resolve(copy.source());
            assertThat(source).as("COPY source %s", copy.source()).exists();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).as("files under %s", copy.source()).isNotEmpty();
            for (Path file : files) {
                String relative = PROJECT.relativize(file).toString().replace('\\', '/');
                assertThat(ignore.excludes(relative)).as(".dockerignore leaves out %s", relative).isFalse();
            }
        }
    }

    @Test
    void theEntryPointJarAndTheDataFoldersAreWhereTheEnvironmentSays() throws IOException {
        Dockerfile docker = Dockerfile.read(PROJECT.resolve("src/main/docker/Dockerfile.jvm"), "");
        String jar = docker.env.get("JAVA_APP_JAR");
        assertThat(jar).isNotNull();
        assertThat(docker.copies).anySatisfy(c -> {
            assertThat(c.source()).endsWith("/quarkus-run.jar");
            assertThat(c.destination() + "quarkus-run.jar").isEqualTo(jar);
        });
        assertThat(docker.entrypoint).contains("run-java.sh");
        for (String folder : List.of("rules", "questionnaires", "seeds")) {
            String env = docker.env.get("READINESS_" + folder.toUpperCase() + "_PATH");
            assertThat(docker.copies).as("COPY of %s/", folder)
                    .anySatisfy(c -> assertThat(c.source() + " -> " + c.destination()).isEqualTo(folder + "/ -> " + env + "/"));
        }
        assertThat(docker.user).isNotBlank().isNotIn("root", "0");
    }

    @Test
    void theExposedAndProbedPortIsTheConfiguredOne() throws IOException {
        Dockerfile docker = Dockerfile.read(PROJECT.resolve("src/main/docker/Dockerfile.jvm"), "");
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(PROJECT.resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        String port = config.getProperty("quarkus.http.port");
        assertThat(docker.expose).containsExactly(port);
        assertThat(docker.healthcheck).contains("127.0.0.1:" + port + "/q/health/ready");
    }

    /** The instructions of a Dockerfile this test needs, with ARG defaults (or the given APP) substituted. */
    static final class Dockerfile {
        final List<Copy> copies = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> expose = new ArrayList<>();
        String user = "";
        String entrypoint = "";
        String healthcheck = "";

        static Dockerfile read(Path file, String app) throws IOException {
            Dockerfile d = new Dockerfile();
            Map<String, String> args = new LinkedHashMap<>();
            String joined = Files.readString(file).replaceAll("\\\\\\r?\\n", " ");
            for (String raw : joined.split("\\r?\\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                String instruction = parts[0].toUpperCase();
                String rest = parts.length > 1 ? substitute(parts[1], args) : "";
                switch (instruction) {
                    case "ARG" -> {
                        String[] kv = rest.split("=", 2);
                        args.put(kv[0], !app.isEmpty() && kv[0].equals("APP") ? app : kv.length > 1 ? kv[1] : "");
                    }
                    case "ENV" -> {
                        Matcher m = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(rest);
                        while (m.find()) {
                            d.env.put(m.group(1), m.group(2).replace("\"", ""));
                        }
                    }
                    case "COPY" -> {
                        List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
                        words.removeIf(w -> w.startsWith("--"));
                        String destination = words.remove(words.size() - 1);
                        words.forEach(source -> d.copies.add(new Copy(source, destination)));
                    }
                    case "EXPOSE" -> d.expose.addAll(List.of(rest.split("\\s+")));
                    case "USER" -> d.user = rest;
                    case "ENTRYPOINT" -> d.entrypoint = rest;
                    case "HEALTHCHECK" -> d.healthcheck = rest;
                    default -> {
                    }
                }
            }
            return d;
        }

        private static String substitute(String text, Map<String, String> args) {
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(name, m.group())));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /**
     * .dockerignore as Docker reads it: patterns in order, the last one that matches a path (or a folder above it)
     * decides, "!" re-includes; "*" and "?" stay within one path segment, "**" spans any number.
     */
    record DockerIgnore(List<Pattern> patterns, List<Boolean> include) {

        static DockerIgnore read(Path file) throws IOException {
            List<Pattern> patterns = new ArrayList<>();
            List<Boolean> include = new ArrayList<>();
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean negated = line.startsWith("!");
                String glob = (negated ? line.substring(1) : line).strip().replaceAll("^/+|/+$", "");
                patterns.add(Pattern.compile(toRegex(glob)));
                include.add(negated);
            }
            return new DockerIgnore(patterns, include);
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesItselfOrParent(patterns.get(i), path)) {
                    excluded = !include.get(i);
                }
            }
            return excluded;
        }

        private static boolean matchesItselfOrParent(Pattern pattern, String path) {
            String candidate = path;
            while (true) {
                if (pattern.matcher(candidate).matches()) {
                    return true;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                candidate = candidate.substring(0, slash);
            }
        }

        private static String toRegex(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
