package ru.smetabot.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml rendered with an .env, as {@code docker compose up} would see it: by {@code docker-compose config}
 * (1.29) or {@code docker compose config} (v2) when either is installed ({@code ./run-tests} installs one), otherwise by
 * {@link #renderInJava}, SnakeYAML plus Compose's variable interpolation and env_file merge.
 */
final class ComposeRendering {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE_FILE = HOME.resolve("docker-compose.yml");

    /** What compose answered: the services (environment always as a map) or, when it refused, its message. */
    record Result(Map<String, Map<String, Object>> services, String error) {

        boolean failed() {
            return error != null;
        }
    }

    private ComposeRendering() {
    }

    /** The compose command found on the PATH, or empty for the Java renderer. */
    static List<String> composeCommand() {
        if (onPath("docker-compose")) {
            return List.of("docker-compose");
        }
        if (onPath("docker") && run(List.of("docker", "compose", "version"), Map.of()).exitCode == 0) {
            return List.of("docker", "compose");
        }
        return List.of();
    }

    static Result render(Map<String, String> dotEnv) {
        List<String> compose = composeCommand();
        return compose.isEmpty() ? renderInJava(dotEnv) : renderWithCompose(compose, dotEnv);
    }

    static Result renderWithCompose(List<String> compose, Map<String, String> dotEnv) {
        Path envFile = writeEnvFile(dotEnv);
        try {
            List<String> command = new ArrayList<>(compose);
            command.addAll(List.of("--env-file", envFile.toString(), "-f", COMPOSE_FILE.toString(), "config"));
            // Only the env file speaks: the test's own environment (a CI's BOT_TOKEN, say) must not fill a blank.
            Outcome outcome = run(command, Map.of("SMETABOT_ENV_FILE", envFile.toString()));
            if (outcome.exitCode != 0) {
                return new Result(Map.of(), outcome.output);
            }
            Map<String, Object> file = new Yaml().load(outcome.output);
            return new Result(services(file), null);
        } finally {
            delete(envFile);
        }
    }

    /**
     * Compose's interpolation by hand, because no Java library implements it (the Compose specification, section
     * "Interpolation": {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
     * {@code ${VAR?error}}, {@code $$}); YAML merge keys are SnakeYAML's. env_file entries are read from the .env
     * given, the service's own environment winning, as compose merges them.
     */
    static Result renderInJava(Map<String, String> dotEnv) {
        Map<String, String> variables = new LinkedHashMap<>(dotEnv);
        variables.put("SMETABOT_ENV_FILE", "(the sample .env)");
        Map<String, Object> file;
        try {
            file = new Yaml().load(Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> interpolated = (Map<String, Object>) interpolate(file, variables);
            file = interpolated;
        } catch (IllegalStateException e) {
            return new Result(Map.of(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> services = services(file);
        services.values().forEach(service -> {
            if (service.containsKey("env_file")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> own = (Map<String, Object>) service.get("environment");
                Map<String, Object> merged = new LinkedHashMap<>(dotEnv);
                merged.putAll(own);
                service.put("environment", merged);
            }
        });
        return new Result(services, null);
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    static Object interpolate(Object node, Map<String, String> variables) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, interpolate(v, variables)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> interpolate(v, variables)).toList();
        }
        if (!(node instanceof String text)) {
            return node;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(substitute(m, variables)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String substitute(Matcher m, Map<String, String> variables) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String value = variables.get(name);
        String operator = m.group(2);
        if (operator == null) {
            return value == null ? "" : value;
        }
        boolean missing = value == null || (operator.startsWith(":") && value.isEmpty());
        if (!missing) {
            return value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalStateException("required variable " + name + " is missing a value: " + m.group(3));
        }
        return m.group(3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> file) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        ((Map<String, Object>) file.get("services")).forEach((name, definition) -> {
            Map<String, Object> service = new LinkedHashMap<>((Map<String, Object>) definition);
            service.put("environment", environment(service.get("environment")));
            services.put(name, service);
        });
        return services;
    }

    /** Compose allows a map or a list of KEY=VALUE; values may render as numbers. */
    private static Map<String, Object> environment(Object environment) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return result;
    }

    private static Path writeEnvFile(Map<String, String> dotEnv) {
        try {
            Path file = Files.createTempFile("compose-sample-", ".env");
            List<String> lines = new ArrayList<>();
            dotEnv.forEach((k, v) -> lines.add(k + "=" + v));
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command, Map<String, String> extraEnvironment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.directory(HOME.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().retainAll(List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "DOCKER_CONFIG"));
            environment.putAll(extraEnvironment);
            Process process = builder.start();
            // Read before waiting: a full pipe would block compose.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 60 s");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
