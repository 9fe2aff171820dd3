package ru.smetabot.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ru.smetabot.sandbox.client.SandboxClient;

/**
 * The bot-latency world: {@code owners} people who started the bot, each with {@code rooms} channels the bot
 * was made admin of (the bot adopts them from its my_chat_member updates, as in production), then, straight
 * into PostgreSQL, {@code files} publications per room and {@link #CLIENTS_PER_ROOM} clients per room. The
 * rooms' reading account is cleared so that no screen the bench opens calls the userbot.
 */
final class LatencyScenario {

    static final int CLIENTS_PER_ROOM = 20;
    private static final long FIRST_OWNER = 740_000_000L;

    final int owners;
    final int rooms;
    final int files;
    final List<BotUser> people = new ArrayList<>();
    private final SuiteUnderBench suite;
    private final SandboxClient sandbox;
    double adoptSeconds;
    double publicationSeconds;
    long publications;

    LatencyScenario(SuiteUnderBench suite, int owners, int rooms, int files) {
        this.suite = suite;
        this.sandbox = suite.sandbox();
        this.owners = owners;
        this.rooms = rooms;
        this.files = files;
    }

    void seed() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<BotUser>> started = new ArrayList<>();
            for (int o = 0; o < owners; o++) {
                long id = FIRST_OWNER + o;
                started.add(pool.submit(() -> BotUser.started(sandbox, id, "Owner" + id)));
            }
            for (Future<BotUser> f : started) {
                people.add(f.get(5, TimeUnit.MINUTES));
            }
            List<Future<?>> made = new ArrayList<>();
            for (BotUser owner : people) {
                for (int r = 0; r < rooms; r++) {
                    String title = "Объект " + owner.id + "-" + r;
                    made.add(pool.submit(() -> sandbox.addAdmin(sandbox.createChannel(owner.id, title).id(),
                            SuiteUnderBench.BOT_ID)));
                }
            }
            for (Future<?> f : made) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        awaitAdopted();
        adoptSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("latency: %d rooms adopted by the bot in %.1f s; inserting publications...%n", owners * rooms,
                adoptSeconds);
        long inserting = System.nanoTime();
        insertRows();
        publicationSeconds = (System.nanoTime() - inserting) / 1e9;
    }

    private String contractors() {
        return "(SELECT id FROM core.contractors WHERE tg_user_id BETWEEN " + FIRST_OWNER + " AND "
                + (FIRST_OWNER + owners - 1) + ")";
    }

    private void awaitAdopted() throws Exception {
        long deadline = System.currentTimeMillis() + 15 * 60_000;
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM core.channels WHERE contractor_id IN "
                        + contractors())) {
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= (long) owners * rooms) {
                        return;
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the bot adopted only " + rs.getLong(1) + " of " + owners * rooms
                                + " rooms in 15 min; see the bot's log");
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * One INSERT … SELECT generate_series per owner (server-side, no rows over the wire): files posted an
     * hour apart, views 0–99; clients who joined a day apart.
     */
    private void insertRows() throws Exception {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("UPDATE core.channels SET userbot_account_id = NULL WHERE contractor_id IN " + contractors());
            for (int o = 0; o < owners; o++) {
                String owner = "(SELECT id FROM core.contractors WHERE tg_user_id = " + (FIRST_OWNER + o) + ")";
                publications += s.executeUpdate("""
                        INSERT INTO core.publications (channel_id, message_id, file_name, mime_type, file_size, file_id,
                                                       posted_at, views, views_refreshed_at)
                        SELECT c.id, g, 'Смета ' || c.id || '-' || g || '.pdf', 'application/pdf', 50000 + g,
                               'BQACAgI' || c.id || '_' || g, now() - (%d - g) * interval '1 hour', (c.id + g) %% 100, now()
                          FROM core.channels c CROSS JOIN generate_series(1, %d) g
                         WHERE c.contractor_id = %s""".formatted(files, files, owner));
                s.executeUpdate("""
                        INSERT INTO core.clients (channel_id, tg_user_id, full_name, status, joined_at)
                        SELECT c.id, 900000000000 + c.id * 100 + g, 'Клиент ' || g, 'active', now() - g * interval '1 day'
                          FROM core.channels c CROSS JOIN generate_series(1, %d) g
                         WHERE c.contractor_id = %s""".formatted(CLIENTS_PER_ROOM, owner));
            }
            s.execute("VACUUM ANALYZE core.publications");
            s.execute("VACUUM ANALYZE core.clients");
            s.execute("VACUUM ANALYZE core.channels");
        }
    }
}
