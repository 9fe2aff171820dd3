package ru.smetabot.sandbox.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.smetabot.sandbox.TelegramSandboxApplication;

/**
 * The sandbox started inside a test JVM on a free port:
 * {@code try (SandboxServer sandbox = SandboxServer.start(Map.of("sandbox.bots", "1:T=test_bot"))) {...}}.
 * Data-source, JPA, Flyway and Quartz auto-configuration of the host module are switched off for it.
 */
public final class SandboxServer implements AutoCloseable {

    private static final String HOST_AUTOCONFIG_EXCLUDED = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration");

    private final ConfigurableApplicationContext context;
    private final int port;
    private final SandboxClient client;

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = new SandboxClient(baseUrl());
    }

    /** Starts on a random port; {@code properties} override telegram-sandbox.properties (e.g. sandbox.bots). */
    public static SandboxServer start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.main.web-application-type", "servlet");
        all.put("spring.autoconfigure.exclude", HOST_AUTOCONFIG_EXCLUDED);
        all.put("spring.jmx.enabled", "false");
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TelegramSandboxApplication.class)
                .main(TelegramSandboxApplication.class)
                .properties("spring.config.name=" + TelegramSandboxApplication.CONFIG_NAME)
                .run(args.toArray(String[]::new));
        return new SandboxServer(context);
    }

    public static SandboxServer start() {
        return start(Map.of());
    }

    public int port() {
        return port;
    }

    /** e.g. http://localhost:41234 (no trailing slash). */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public SandboxClient client() {
        return client;
    }

    @Override
    public void close() {
        context.close();
    }
}
