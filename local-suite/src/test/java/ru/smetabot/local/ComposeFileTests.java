package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production docker-compose.yml, rendered with a sample .env the way compose renders it ({@link ComposeRendering}):
 * HTTPS proxy, health checks and start-up order, memory limits against the heaps, log rotation, graceful stop, every
 * documented variable reaching its service, and no secret left empty.
 */
class ComposeFileTests {

    static final Set<String> JAVA_SERVICES = Set.of("bot", "userbot", "worker");
    /** Required, with no usable default: compose must refuse to start while one is empty. */
    static final List<String> REQUIRED = List.of("BOT_TOKEN", "TG_API_ID", "TG_API_HASH", "SESSION_ENCRYPTION_KEY",
            "USERBOT_API_TOKEN", "WORKER_API_TOKEN", "POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "DOMAIN", "ACME_EMAIL");
    private static final long MIB = ComposeUnits.MIB;

    private static Map<String, Map<String, Object>> services;

    /** .env.example with its blanks filled, as an owner's .env. */
    static Map<String, String> sampleEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ComposeRendering.HOME.resolve(".env.example"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] pair = line.split("=", 2);
                    env.put(pair[0], pair[1]);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        REQUIRED.forEach(name -> env.merge(name, "sample-" + name.toLowerCase(), (old, fill) -> old.isEmpty() ? fill : old));
        return env;
    }

    @BeforeAll
    static void render() {
        ComposeRendering.Result result = ComposeRendering.render(sampleEnv());
        assertThat(result.error()).as("compose config with the sample .env").isNull();
        services = result.services();
    }

    @Test
    void theExampleLeavesEverySecretToTheOwnerAndComposeRefusesEachOneBlank() {
        assertThat(sampleEnv().keySet()).containsAll(REQUIRED);
        for (String name : REQUIRED) {
            Map<String, String> blank = sampleEnv();
            blank.put(name, "");
            ComposeRendering.Result refused = ComposeRendering.render(blank);
            assertThat(refused.failed()).as("compose with %s empty", name).isTrue();
            assertThat(refused.error()).as("the refusal names the variable").contains(name);
        }
        // Unset is refused too: a blank passes only through a default (${VAR:-x}, ${VAR-x}), which the loop refuses.
        Map<String, String> unset = sampleEnv();
        unset.remove("BOT_TOKEN");
        assertThat(ComposeRendering.render(unset).error()).as("compose with BOT_TOKEN unset").contains("BOT_TOKEN");
    }

    @Test
    void theJavaRendererAgreesWithComposeWhereComposeIsInstalled() {
        List<String> compose = ComposeRendering.composeCommand();
        assumeFalse(compose.isEmpty(), "neither docker-compose nor docker compose installed");
        Map<String, Map<String, Object>> inJava = ComposeRendering.renderInJava(sampleEnv()).services();
        assertThat(inJava.keySet()).isEqualTo(services.keySet());
        services.forEach((name, service) -> assertThat(new TreeMap<>(inJava.get(name).get("environment") instanceof Map<?, ?> m
                ? m : Map.of())).as(name).isEqualTo(new TreeMap<>((Map<?, ?>) service.get("environment"))));
        assertThat(ComposeRendering.renderInJava(Map.of()).error()).contains("POSTGRES_PASSWORD");
    }

    @Test
    void httpsComesFromCaddyInFrontOfTheBotsPublicPort() throws IOException {
        Map<String, Object> proxy = services.get("proxy");
        assertThat(proxy.get("image")).isEqualTo("caddy:2");
        assertThat(proxy.get("ports").toString()).contains("443").contains("80");
        assertThat(env("proxy")).containsEntry("DOMAIN", "sample-domain").containsEntry("ACME_EMAIL", "sample-acme_email");
        assertThat(env("bot")).containsEntry("BOT_PUBLIC_URL", "https://sample-domain");

        String caddyfile = Files.readString(ComposeRendering.HOME.resolve("docker/caddy/Caddyfile"), StandardCharsets.UTF_8);
        assertThat(proxy.get("volumes").toString()).contains("docker/caddy/Caddyfile");
        assertThat(caddyfile).contains("{$DOMAIN} {").contains("email {$ACME_EMAIL}")
                .contains("reverse_proxy bot:" + env("bot").get("SERVER_PORT"));
        assertThat(services.get("bot").get("ports")).as("the bot is reached through the proxy only").isNull();
    }

    /** Caddy's own parser, where the caddy package is installed (scripts/install-test-deps.sh installs it). */
    @Test
    void caddyAcceptsTheCaddyfile() throws Exception {
        assumeTrue(ComposeRendering.onPath("caddy"), "caddy not installed");
        ProcessBuilder adapt = new ProcessBuilder("caddy", "adapt", "--adapter", "caddyfile", "--config",
                ComposeRendering.HOME.resolve("docker/caddy/Caddyfile").toString()).redirectErrorStream(true);
        adapt.environment().putAll(Map.of("DOMAIN", "bot.example.test", "ACME_EMAIL", "owner@example.test"));
        Process process = adapt.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(json).isZero();
        assertThat(json).contains("\"bot.example.test\"", "\"owner@example.test\"",
                "\"dial\":\"bot:" + env("bot").get("SERVER_PORT") + "\"");
    }

    @Test
    void everyServiceHasAHealthCheckAndTheJavaOnesProbeTheirHealthEndpoint() {
        services.forEach((name, service) -> {
            Map<?, ?> health = (Map<?, ?>) service.get("healthcheck");
            assertThat(health).as("%s healthcheck", name).isNotNull();
            assertThat(health.get("disable")).as(name).isNotEqualTo(true);
            assertThat(String.valueOf(health.get("test"))).as(name).isNotBlank().doesNotContain("NONE");
            if (JAVA_SERVICES.contains(name)) {
                assertThat(String.valueOf(health.get("test")))
                        .contains("http://127.0.0.1:" + env(name).get("METRICS_PORT") + "/health");
                assertThat(ComposeUnits.duration(health.get("start_period"))).as("%s start-up (Flyway) time", name)
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
            }
        });
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        services.forEach((name, service) -> {
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                dependsOn.forEach((dependency, how) -> {
                    assertThat(((Map<?, ?>) how).get("condition")).as("%s -> %s", name, dependency).isEqualTo("service_healthy");
                    assertThat(services.get(String.valueOf(dependency))).containsKey("healthcheck");
                });
            } else {
                assertThat(service.get("depends_on")).as("%s depends_on must name a condition", name).isNull();
            }
        });
        JAVA_SERVICES.forEach(name -> assertThat(dependencies(name)).as(name).contains("postgres"));
        assertThat(dependencies("bot")).contains("userbot");
        assertThat(dependencies("worker")).contains("userbot");
        assertThat(dependencies("proxy")).contains("bot");
        assertThat(dependencies("grafana")).contains("prometheus");
    }

    @Test
    void everyServiceHasAMemoryLimitAndEachHeapLeavesRoomForTheRestOfTheJvm() {
        services.forEach((name, service) -> assertThat(service.get("mem_limit")).as("%s mem_limit", name).isNotNull());
        for (String name : JAVA_SERVICES) {
            long limit = ComposeUnits.bytes(services.get(name).get("mem_limit"));
            Matcher share = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(env(name).getOrDefault("JAVA_TOOL_OPTIONS", ""));
            assertThat(share.find()).as("%s sets its heap share", name).isTrue();
            int percent = Integer.parseInt(share.group(1));
            long heap = limit * percent / 100;
            // Metaspace, code cache, threads and direct buffers took 90-150 MiB over the heap in the bench (RSS).
            assertThat(limit - heap).as("%s: %d MiB limit, %d%% heap", name, limit / MIB, percent).isGreaterThanOrEqualTo(256 * MIB);
            assertThat(heap).as(name).isGreaterThanOrEqualTo(256 * MIB);
            assertThat(env(name).get("JAVA_TOOL_OPTIONS")).contains("-XX:+ExitOnOutOfMemoryError");
        }
        assertThat(ComposeUnits.bytes(services.get("userbot").get("mem_limit")) * 50 / 100)
                .as("TDLib's native memory is outside the heap").isGreaterThanOrEqualTo(512 * MIB);
    }

    @Test
    void everyServiceRotatesItsLogs() {
        services.forEach((name, service) -> {
            Map<?, ?> logging = (Map<?, ?>) service.get("logging");
            assertThat(logging).as("%s logging", name).isNotNull();
            assertThat(logging.get("driver")).isEqualTo("json-file");
            Map<?, ?> options = (Map<?, ?>) logging.get("options");
            assertThat(String.valueOf(options.get("max-size"))).as(name).matches("\\d+[kmg]");
            assertThat(Integer.parseInt(String.valueOf(options.get("max-file")))).as(name).isBetween(2, 20);
        });
    }

    @Test
    void dockerStopWaitsLongerThanSpringsShutdownAndTheWorkersRunningJobs() throws IOException {
        for (String name : JAVA_SERVICES) {
            Duration phase = ComposeUnits.duration(env(name).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE"));
            assertThat(ComposeUnits.duration(services.get(name).get("stop_grace_period"))).as(name).isGreaterThan(phase.plusSeconds(10));
        }
        Map<String, Object> worker = new Yaml().load(Files.readString(
                ComposeRendering.HOME.resolve("worker-service/src/main/resources/application.yml"), StandardCharsets.UTF_8));
        Map<?, ?> quartz = (Map<?, ?>) ((Map<?, ?>) worker.get("spring")).get("quartz");
        assertThat(quartz.get("wait-for-jobs-to-complete-on-shutdown")).isEqualTo(true);
        String userbotTimeout = ((Map<?, ?>) ((Map<?, ?>) worker.get("smetabot")).get("worker")).get("userbot-timeout").toString();
        Duration oneCall = ComposeUnits.duration(userbotTimeout.replaceAll("\\$\\{[A-Z_]+:(.*)}", "$1"));
        assertThat(ComposeUnits.duration(services.get("worker").get("stop_grace_period"))).isGreaterThan(oneCall);
    }

    @Test
    void everyDocumentedVariableReachesTheServicesThatReadIt() throws IOException {
        Map<String, List<String>> documented = DocumentedVariables.read(ComposeRendering.HOME.resolve("README.md"));
        assertThat(documented).containsKeys("BOT_TOKEN", "DIGEST_TIME", "REFRESH_CRON", "USERBOT_LOGIN_TTL");
        Map<String, String> env = sampleEnv();
        documented.keySet().forEach(name -> env.putIfAbsent(name, "documented-" + name));
        Map<String, Map<String, Object>> rendered = ComposeRendering.render(env).services();
        documented.forEach((name, readers) -> readers.forEach(service ->
                assertThat(((Map<?, ?>) rendered.get(service).get("environment")).keySet()).as("%s reaches %s", name, service)
                        .map(String::valueOf).contains(name)));
        assertThat(((Map<?, ?>) rendered.get("bot").get("environment")).get("DIGEST_TIME")).isEqualTo("documented-DIGEST_TIME");
    }

    @Test
    void theEnvFileNeverEntersABuildContext() throws IOException {
        List<String> ignored = Files.readAllLines(ComposeRendering.HOME.resolve(".dockerignore"), StandardCharsets.UTF_8);
        assertThat(ignored).contains(".env", "**/.env", ".env.*");
        for (String name : JAVA_SERVICES) {
            Map<?, ?> build = (Map<?, ?>) services.get(name).get("build");
            assertThat(Path.of(String.valueOf(build.get("context"))).toAbsolutePath().normalize()).isEqualTo(ComposeRendering.HOME);
            String dockerfile = Files.readString(ComposeRendering.HOME.resolve(String.valueOf(build.get("dockerfile"))), StandardCharsets.UTF_8);
            assertThat(dockerfile.lines().filter(l -> l.matches("(?i)\\s*(COPY|ADD|ARG|ENV)\\b.*")))
                    .as("%s: no .env copied, no secret as a build argument", name)
                    .noneMatch(l -> l.contains(".env") || REQUIRED.stream().anyMatch(l::contains));
            // Layered jar extracted after a dependencies-only layer (POMs first): a code change ships only the last layers.
            assertThat(dockerfile.indexOf("dependency:go-offline")).as(name).isPositive().isLessThan(dockerfile.indexOf("COPY . ."));
            assertThat(dockerfile).contains("extract --layers --launcher", "org.springframework.boot.loader.launch.JarLauncher");
        }
    }

    @Test
    void theReadmesAdminCommandsReachTheServicesOnCompose() throws IOException {
        String readme = Files.readString(ComposeRendering.HOME.resolve("README.md"), StandardCharsets.UTF_8);
        String workerImage = Files.readString(ComposeRendering.HOME.resolve("docker/worker.Dockerfile"), StandardCharsets.UTF_8);
        String workerCli = Files.readString(ComposeRendering.HOME.resolve("worker-service/scripts/worker-cli"), StandardCharsets.UTF_8);
        // worker-cli inside the worker container: on the PATH, its default URL the worker's port, its token in the environment.
        assertThat(readme).contains("docker compose exec worker worker-cli ");
        assertThat(workerImage).contains("COPY worker-service/scripts/worker-cli /usr/local/bin/worker-cli");
        assertThat(workerCli).contains("http://localhost:" + env("worker").get("SERVER_PORT"));
        assertThat(env("worker").get("WORKER_API_TOKEN")).isNotBlank();
        // /session/status through the userbot container, on its app port, with its own token.
        assertThat(readme).contains("docker compose exec userbot sh -c 'curl -sS -H \"Authorization: Bearer $USERBOT_API_TOKEN\" "
                + "http://localhost:" + env("userbot").get("SERVER_PORT") + "/session/status'");
        assertThat(readme).contains("docker compose exec bot curl -sS http://localhost:" + env("bot").get("METRICS_PORT") + "/metrics");
    }

    private static List<String> dependencies(String service) {
        return ((Map<?, ?>) services.get(service).get("depends_on")).keySet().stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String service) {
        return (Map<String, String>) (Map<?, ?>) services.get(service).get("environment");
    }
}
