package ru.smetabot.model.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.TestPostgres;

/**
 * V8__acknowledgements.sql on a database with rooms: rooms that existed before get the "✅ Ознакомлен" button
 * switched off (their owners never chose it); rooms created afterwards have no row, which bot-service reads as on.
 * One press per client and file: a second insert of the same pair is refused by the unique key.
 */
class AcknowledgementsMigrationTests {

    private static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .schemas("core", "analytics", "quartz").defaultSchema("core");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    @Test
    void roomsOlderThanTheFeatureHaveItOffAndNewOnesHaveNoRow() {
        DataSource db = TestPostgres.newScratchDatabase();
        JdbcClient jdbc = JdbcClient.create(db);
        flyway(db, "7").migrate();
        long owner = jdbc.sql("INSERT INTO core.contractors (tg_user_id, full_name) VALUES (77, 'O') RETURNING id")
                .query(Long.class).single();
        long old = jdbc.sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:o, -1007701, 'old') RETURNING id")
                .param("o", owner).query(Long.class).single();

        flyway(db, "8").migrate();
        long fresh = jdbc.sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:o, -1007702, 'new') RETURNING id")
                .param("o", owner).query(Long.class).single();

        assertThat(jdbc.sql("SELECT enabled FROM core.acknowledgement_settings WHERE channel_id = :r").param("r", old)
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM core.acknowledgement_settings WHERE channel_id = :r").param("r", fresh)
                .query(Long.class).single()).isZero();

        long file = jdbc.sql("INSERT INTO core.publications (channel_id, message_id) VALUES (:r, 1) RETURNING id")
                .param("r", fresh).query(Long.class).single();
        long client = jdbc.sql("INSERT INTO core.clients (channel_id, tg_user_id) VALUES (:r, 88) RETURNING id")
                .param("r", fresh).query(Long.class).single();
        String press = "INSERT INTO core.acknowledgements (publication_id, client_id) VALUES (:p, :c) ON CONFLICT DO NOTHING";
        assertThat(jdbc.sql(press).param("p", file).param("c", client).update()).isEqualTo(1);
        assertThat(jdbc.sql(press).param("p", file).param("c", client).update()).isZero();
    }
}
