package ru.smetabot.userbot.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import ru.smetabot.model.testing.TestPostgres;

/**
 * A fresh database per userbot Spring context on the JVM's embedded PostgreSQL. Each context is a userbot instance
 * with leases of its own: on one shared database the cached contexts of different test classes would hold each
 * other's accounts and forward requests between them.
 */
public final class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("userbot-own-database",
                Map.of("spring.datasource.url", newDatabaseUrl(), "spring.datasource.username", "postgres",
                        "spring.datasource.password", "")));
    }

    /** JDBC URL of a new, empty database (the service migrates it at start). */
    public static String newDatabaseUrl() {
        String name = "userbot_" + NEXT.incrementAndGet();
        try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return TestPostgres.server().getJdbcUrl("postgres", name);
    }

    /** A new database with every migration applied, for tests without a Spring context. */
    public static DataSource newMigratedDatabase() {
        String url = newDatabaseUrl();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        DataSource dataSource = TestPostgres.server().getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas("core", "analytics", "quartz")
                .defaultSchema("core").load().migrate();
        return dataSource;
    }
}
