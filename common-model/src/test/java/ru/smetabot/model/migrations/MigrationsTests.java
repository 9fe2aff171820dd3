package ru.smetabot.model.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.TestPostgres;

/** The migrations on an empty database, on a database that holds data, and a second time. */
class MigrationsTests {

    private static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .schemas("core", "analytics", "quartz")
                .defaultSchema("core");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    @Test
    void emptyDatabaseGetsEveryTable() {
        DataSource db = TestPostgres.newScratchDatabase();

        MigrateResult result = flyway(db, null).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        List<String> tables = JdbcClient.create(db).sql("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN ('core', 'analytics', 'quartz') AND table_name <> 'flyway_schema_history'
                """).query(String.class).list();
        assertThat(tables).contains("core.contractors", "core.channels", "core.publications", "core.invites",
                "core.clients", "core.processed_updates", "analytics.view_snapshots", "analytics.events",
                "quartz.qrtz_job_details", "quartz.qrtz_triggers", "quartz.qrtz_cron_triggers",
                "quartz.qrtz_simple_triggers", "quartz.qrtz_fired_triggers", "quartz.qrtz_locks",
                "quartz.qrtz_scheduler_state", "quartz.qrtz_calendars", "quartz.qrtz_paused_trigger_grps",
                "quartz.qrtz_blob_triggers", "quartz.qrtz_simprop_triggers");
    }

    @Test
    void secondRunIsANoOp() {
        DataSource db = TestPostgres.newScratchDatabase();
        flyway(db, null).migrate();

        MigrateResult again = flyway(db, null).migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway(db, null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void laterMigrationsKeepTheDataAlreadyThere() {
        DataSource db = TestPostgres.newScratchDatabase();
        flyway(db, "1").migrate();
        JdbcClient sql = JdbcClient.create(db);
        sql.sql("INSERT INTO core.contractors (tg_user_id, username) VALUES (1001, 'owner')").update();
        sql.sql("""
                INSERT INTO core.channels (contractor_id, tg_chat_id, title)
                SELECT id, -1001234567890, 'Смета: кухня' FROM core.contractors WHERE tg_user_id = 1001
                """).update();
        sql.sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, views)
                SELECT id, 7, 'смета.pdf', 42 FROM core.channels WHERE tg_chat_id = -1001234567890
                """).update();

        MigrateResult rest = flyway(db, null).migrate();

        assertThat(rest.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(sql.sql("SELECT title FROM core.channels WHERE tg_chat_id = -1001234567890")
                .query(String.class).single()).isEqualTo("Смета: кухня");
        assertThat(sql.sql("SELECT views FROM core.publications WHERE message_id = 7")
                .query(Integer.class).single()).isEqualTo(42);
    }

    @Test
    void constraintsTheModelReliesOn() {
        DataSource db = TestPostgres.newScratchDatabase();
        flyway(db, null).migrate();

        List<String> constraints = JdbcClient.create(db).sql("""
                SELECT conname FROM pg_constraint WHERE contype = 'u'
                  AND connamespace IN ('core'::regnamespace, 'analytics'::regnamespace)
                """).query(String.class).list();
        String nullable = JdbcClient.create(db).sql("""
                SELECT is_nullable FROM information_schema.columns
                WHERE table_schema = 'core' AND table_name = 'clients' AND column_name = 'tg_user_id'
                """).query(String.class).single();

        assertThat(constraints).contains("clients_channel_user_key", "channels_tg_chat_id_key",
                "publications_channel_message_key", "contractors_tg_user_id_key");
        assertThat(nullable).isEqualTo("NO");
    }
}
