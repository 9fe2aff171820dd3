package ru.smetabot.local.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring files of the production compose set-up (the Grafana dashboard JSON and the
 * Prometheus alerting rules), read as Grafana and Prometheus read them, and the metric names their
 * PromQL expressions use.
 */
public final class MonitoringFiles {

    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    public static final Path DASHBOARD = HOME.resolve("docker/grafana/dashboards/smetabot.json");
    public static final Path ALERTS = HOME.resolve("docker/prometheus/smetabot-alerts.yml");

    /** PromQL words that look like metric names: functions, aggregations, keywords. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate",
            "increase", "delta", "time", "histogram_quantile", "absent", "absent_over_time", "and", "or", "unless",
            "on", "by", "without", "ignoring", "group_left", "group_right", "bool", "offset", "vector", "scalar",
            "clamp_min", "clamp_max", "max_over_time", "min_over_time", "avg_over_time", "changes", "resets", "topk",
            "bottomk", "label_values", "inf", "nan");
    /** Series Prometheus makes itself, not the services. */
    public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,[^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])[a-zA-Z_:][\\w:]*");

    private MonitoringFiles() {
    }

    public static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(read(DASHBOARD));
    }

    /** Every PromQL expression of the dashboard: panel targets and query variables. */
    public static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            expressions.add(variable.path("query").path("query").asString());
        }
        return expressions;
    }

    /** The rule groups of the alerts file, as Prometheus' YAML. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alertRules() {
        Map<String, Object> file = new Yaml().load(read(ALERTS));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** The metric names an expression selects (not functions, label names, label values or durations). */
    public static Set<String> metricNames(String promql) {
        String expression = LABEL_VALUES.matcher(promql).replaceAll("$1");
        expression = STRING.matcher(expression).replaceAll(" ");
        expression = MATCHERS.matcher(expression).replaceAll(" ");
        expression = RANGE.matcher(expression).replaceAll(" ");
        expression = GROUPING.matcher(expression).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names every dashboard panel and every alert rule uses. */
    public static Set<String> referencedMetricNames() {
        Set<String> names = new TreeSet<>();
        dashboardExpressions().forEach(e -> names.addAll(metricNames(e)));
        alertRules().forEach(r -> names.addAll(metricNames((String) r.get("expr"))));
        return names;
    }

    /** The series names in a Prometheus text exposition. */
    public static Set<String> exposedNames(String prometheusText) {
        Set<String> names = new TreeSet<>();
        for (String line : prometheusText.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
