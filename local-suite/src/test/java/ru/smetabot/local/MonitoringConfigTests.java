package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ru.smetabot.local.acceptance.MonitoringFiles;
import tools.jackson.databind.JsonNode;

/**
 * The production monitoring set-up as files: the Grafana dashboard and its provisioning, the
 * Prometheus alerting rules, and how docker-compose.yml and prometheus.yml wire them. Whether the
 * metrics they use exist is checked against the running suite in {@code MonitoringTests}.
 */
class MonitoringConfigTests {

    private static final Path HOME = MonitoringFiles.HOME;

    @Test
    void theAlertRulesAreTheExpectedOnesWithTheirForDurations() {
        Map<String, Map<String, Object>> rules = MonitoringFiles.alertRules().stream()
                .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> r));

        assertThat(rules).containsOnlyKeys("SmetabotPeriodicRefreshStale", "SmetabotUserbotSessionNotAuthorized",
                "SmetabotServiceDown");
        assertThat(rules.get("SmetabotPeriodicRefreshStale")).containsEntry("for", "5m");
        assertThat((String) rules.get("SmetabotPeriodicRefreshStale").get("expr"))
                .contains("smetabot_refresh_periodic_last_success_timestamp_seconds").contains("> 3600");
        assertThat(rules.get("SmetabotUserbotSessionNotAuthorized")).containsEntry("for", "10m");
        assertThat((String) rules.get("SmetabotUserbotSessionNotAuthorized").get("expr"))
                .contains("userbot_sessions{authorized=\"false\"}");
        assertThat(rules.get("SmetabotServiceDown")).containsEntry("for", "2m");
        rules.values().forEach(rule -> {
            assertThat(rule).containsKeys("expr", "labels", "annotations");
            assertThat(((Map<?, ?>) rule.get("annotations")).keySet().toString()).as("annotations").contains("summary", "description");
        });
    }

    @Test
    void prometheusLoadsTheRulesThatComposeMountsNextToItsConfig() {
        Map<String, Object> prometheus = yaml(HOME.resolve("prometheus.yml"));
        assertThat(prometheus.get("rule_files").toString()).isEqualTo("[smetabot-alerts.yml]");

        Map<String, Object> services = composeServices();
        assertThat(volumes(services, "prometheus"))
                .contains("./docker/prometheus/smetabot-alerts.yml:/etc/prometheus/smetabot-alerts.yml:ro",
                        "./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDataSourceAndTheDashboard() throws Exception {
        Map<String, Object> services = composeServices();
        @SuppressWarnings("unchecked")
        Map<String, Object> grafana = (Map<String, Object>) services.get("grafana");
        assertThat((String) grafana.get("image")).as("a pinned tag").matches("grafana/grafana-oss:\\d+\\.\\d+\\.\\d+");
        assertThat(grafana.get("environment").toString()).contains("GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_ADMIN_PASSWORD")
                .doesNotContain("GF_SECURITY_ADMIN_PASSWORD=admin");
        assertThat(grafana.get("ports").toString()).contains("${GRAFANA_PORT:-3000}:3000");
        for (String volume : volumes(services, "grafana")) {
            if (volume.startsWith("./")) {
                assertThat(HOME.resolve(volume.substring(0, volume.indexOf(':')))).as(volume).exists();
            }
        }
        assertThat(Files.readAllLines(HOME.resolve(".env.example"), StandardCharsets.UTF_8).toString())
                .contains("GRAFANA_ADMIN_PASSWORD=", "GRAFANA_PORT=3000");

        Map<String, Object> sources = yaml(HOME.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) sources.get("datasources")).get(0);
        assertThat(source).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090")
                .containsEntry("uid", "prometheus");
        assertThat(services).containsKey("prometheus");

        Map<String, Object> provider = yaml(HOME.resolve("docker/grafana/provisioning/dashboards/smetabot.yml"));
        assertThat(provider.toString()).contains("path=/var/lib/grafana/dashboards");
        assertThat(volumes(services, "grafana")).contains("./docker/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    @Test
    void theDashboardIsProvisioningJsonWhosePanelsAllQueryThatDataSource() {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.path("uid").asString()).isEqualTo("smetabot-overview");
        assertThat(dashboard.has("id")).as("provisioned dashboards carry no database id").isFalse();
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
            titles.add(panel.path("title").asString());
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("prometheus");
                assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("expr").asString()).isNotBlank());
            }
        }
        assertThat(titles).contains("Last successful periodic refresh", "Refresh runs by outcome", "Posts refreshed",
                "Back-offs by reason", "Sessions not authorized", "Flood waits", "Decisions",
                "Decision latency (request to approval)", "Pending join requests", "Update handling time",
                "Bot API errors", "Heap used", "HTTP requests");
    }

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(MonitoringFiles.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket"
                + "{application=~\"$application\"}[$__rate_interval])))")).containsExactly("a_seconds_bucket");
        assertThat(MonitoringFiles.metricNames("(time() - max(b_ts > 0) > 3600) or (max(b_ts) == 0 and on() "
                + "max(process_uptime_seconds{application=\"worker\"}) > 3600)")).containsExactly("b_ts",
                "process_uptime_seconds");
        assertThat(MonitoringFiles.metricNames("label_values(jvm_info, application)")).containsExactly("jvm_info");
        assertThat(MonitoringFiles.referencedMetricNames()).contains("smetabot_refresh_runs_seconds_count",
                "userbot_sessions", "smetabot_bot_handler_latency_seconds_bucket", "up");
    }

    /** Prometheus' own check: promtool comes with the prometheus package, which scripts/install-test-deps.sh installs. */
    @Test
    void promtoolAcceptsTheRules() throws Exception {
        String promtool = findOnPath("promtool");
        assumeTrue(promtool != null, "promtool not installed");
        Process check = new ProcessBuilder(promtool, "check", "rules", MonitoringFiles.ALERTS.toString())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 3 rules found");
    }

    private static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeServices() {
        return (Map<String, Object>) yaml(HOME.resolve("docker-compose.yml")).get("services");
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> services, String service) {
        return (List<String>) ((Map<String, Object>) services.get(service)).get("volumes");
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
