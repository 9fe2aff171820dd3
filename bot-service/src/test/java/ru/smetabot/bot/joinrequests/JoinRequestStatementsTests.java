package ru.smetabot.bot.joinrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.jdbc.JdbcTransactions;
import ru.smetabot.bot.joinrequests.JoinRequestPolicy.LinkState;
import ru.smetabot.bot.joinrequests.JoinRequestService.Outcome;
import ru.smetabot.bot.joinrequests.JoinRequestTelegram.Answer;
import ru.smetabot.bot.notifications.NoticeRooms;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.testing.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * A join request's cost in SQL statements, counted on the real code path (room, decision, Telegram mocked, record),
 * and the slot guard of the approval's reserving statement: a link at its limit reserves nothing and writes nothing.
 */
class JoinRequestStatementsTests {

    private static DataSource plain;
    private static final AtomicInteger statements = new AtomicInteger();
    private static final AtomicInteger commits = new AtomicInteger();

    private final JoinRequestTelegram telegram = mock(JoinRequestTelegram.class);
    private final OwnerNotices notices = mock(OwnerNotices.class);

    @BeforeAll
    static void database() {
        plain = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(plain).locations("classpath:db/migration")
                .schemas("core", "analytics", "quartz").defaultSchema("core").load().migrate();
    }

    @Test
    void anApprovalCostsEightStatementsAndADeclineSixEachInTwoTransactions() {
        JdbcClient admin = JdbcClient.create(plain);
        long chat = -1_000_777_000_001L;
        long room = room(admin, chat, 700_000_001L);
        admin.sql("INSERT INTO core.invites (channel_id, invite_link, name, approvals_limit) VALUES (:r, 'https://t.me/+one', 'Один', 1)")
                .param("r", room).update();
        JoinRequestService service = service();
        when(telegram.approve(anyLong(), anyLong())).thenReturn(Answer.DONE);
        when(telegram.decline(anyLong(), anyLong())).thenReturn(Answer.DONE);

        Counted approved = counted(() -> service.handle(request(chat, 501)).outcome());
        Counted declined = counted(() -> service.handle(request(chat, 502)).outcome());

        // approval: room; link lock, requester, reserve + insert; claim, client lock, upsert, join + invite events
        assertThat(approved).isEqualTo(new Counted(Outcome.APPROVED, 8, 2));
        // decline (limit): room; link lock, requester, insert; claim + declined count, event
        assertThat(declined).isEqualTo(new Counted(Outcome.DECLINED, 6, 2));
        assertThat(admin.sql("SELECT approved_count || '/' || declined_count FROM core.invites WHERE channel_id = :r")
                .param("r", room).query(String.class).single()).isEqualTo("1/1");
        assertThat(admin.sql("SELECT string_agg(verdict || ':' || state || ':' || outcome, ',' ORDER BY tg_user_id) "
                + "FROM core.join_decisions WHERE channel_id = :r").param("r", room).query(String.class).single())
                .isEqualTo("APPROVE:applied:approved,DECLINE_LIMIT:applied:declined");
        assertThat(admin.sql("SELECT event_type FROM analytics.events WHERE channel_id = :r ORDER BY id").param("r", room)
                .query(String.class).list()).containsExactly("client_join", "invite_used", "join_request_declined");
        verify(notices, times(2)).tellOwner(any(), any(), any());
    }

    @Test
    void aLinkAtItsLimitReservesNoSlotEvenWhenTheCallerThinksItCan() {
        JdbcClient admin = JdbcClient.create(plain);
        long chat = -1_000_777_000_002L;
        long room = room(admin, chat, 700_000_002L);
        long invite = admin.sql("""
                INSERT INTO core.invites (channel_id, invite_link, name, approvals_limit, approved_count)
                VALUES (:r, 'https://t.me/+full', 'Полная', 1, 1) RETURNING id""").param("r", room).query(Long.class).single();
        JoinRequestStore store = new JoinRequestStore(JdbcClient.create(counting()));
        LinkState stale = new LinkState(invite, room, "Полная", null, null, 1, 0);

        assertThatThrownBy(() -> new JdbcTransactions(counting()).template().executeWithoutResult(
                s -> store.reserveAndInsertApproval(room, stale, request(chat, 503))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("approvals limit");
        assertThat(admin.sql("SELECT approved_count FROM core.invites WHERE id = :i").param("i", invite).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(admin.sql("SELECT count(*) FROM core.join_decisions WHERE invite_id = :i").param("i", invite)
                .query(Integer.class).single()).isZero();
    }

    private record Counted(Outcome outcome, int statements, int commits) {
    }

    private static Counted counted(java.util.function.Supplier<Outcome> call) {
        statements.set(0);
        commits.set(0);
        Outcome outcome = call.get();
        return new Counted(outcome, statements.get(), commits.get());
    }

    private JoinRequestService service() {
        JdbcClient jdbc = JdbcClient.create(counting());
        JdbcTransactions tx = new JdbcTransactions(counting());
        JoinRequestStore store = new JoinRequestStore(jdbc);
        JoinDecisions decisions = new JoinDecisions(store, new ClientRegistry(jdbc), new EventLog(jdbc, JsonMapper.builder().build()),
                telegram, tx);
        return new JoinRequestService(new NoticeRooms(jdbc), store, decisions, telegram, notices,
                new JoinRequestMetrics(new SimpleMeterRegistry()), tx);
    }

    private static JoinRequest request(long chat, long user) {
        String link = chat == -1_000_777_000_001L ? "https://t.me/+one" : "https://t.me/+full";
        return new JoinRequest(chat, user, "Имя" + user, null, null, link, Instant.now(), JoinRequest.Source.UPDATE);
    }

    private static long room(JdbcClient admin, long chat, long ownerTgId) {
        long owner = admin.sql("INSERT INTO core.contractors (tg_user_id, language_code) VALUES (:u, 'ru') RETURNING id")
                .param("u", ownerTgId).query(Long.class).single();
        return admin.sql("INSERT INTO core.channels (contractor_id, tg_chat_id, title) VALUES (:o, :c, 'Комната') RETURNING id")
                .param("o", owner).param("c", chat).query(Long.class).single();
    }

    /**
     * The scratch database, counting the statements prepared and the commits on its connections. Hand-written (a JDK
     * proxy, a dozen lines) rather than a datasource-proxy dependency the project has no other use for; one shared
     * instance, since the transaction manager binds its connection to the data source object.
     */
    private static synchronized DataSource counting() {
        if (countingSource == null) {
            countingSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(plain, method, args);
                        return result instanceof Connection connection ? countingConnection(connection) : result;
                    });
        }
        return countingSource;
    }

    private static DataSource countingSource;

    private static Connection countingConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (List.of("prepareStatement", "prepareCall", "createStatement").contains(method.getName())) {
                        statements.incrementAndGet();
                    } else if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
