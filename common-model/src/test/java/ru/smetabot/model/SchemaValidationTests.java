package ru.smetabot.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.WithEmbeddedPostgres;

/**
 * The context starting at all proves Hibernate's {@code ddl-auto=validate} accepted every entity
 * against the migrated schema; this also proves every table of ours has an entity.
 */
@SpringBootTest
@WithEmbeddedPostgres
class SchemaValidationTests {

    /**
     * Tables one service reads and writes only with its own SQL (atomic upserts, no entity), each covered by that
     * service's tests: userbot-service's leases, login attempts and sandbox sessions (V12).
     */
    private static final Set<String> SQL_ONLY = Set.of("core.userbot_leases", "core.userbot_login_attempts",
            "core.userbot_sandbox_sessions");

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableOfCoreAndAnalyticsIsMapped() {
        Set<String> mapped = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .map(type -> type.getAnnotation(Table.class))
                .map(table -> table.schema() + "." + table.name())
                .collect(Collectors.toSet());
        List<String> tables = jdbc.sql("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN ('core', 'analytics') AND table_name <> 'flyway_schema_history'
                """).query(String.class).stream().filter(table -> !SQL_ONLY.contains(table)).toList();

        assertThat(mapped).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void openInViewIsOff(@Autowired org.springframework.core.env.Environment env) {
        assertThat(env.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
        assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    }
}
