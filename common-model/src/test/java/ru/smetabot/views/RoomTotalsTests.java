package ru.smetabot.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.clients.ClientRegistry;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientStatus;
import ru.smetabot.model.testing.WithEmbeddedPostgres;
import ru.smetabot.views.RoomFixture.Room;

/**
 * The per-room totals on core.channels (V13) that the room list reads, against the aggregate they replace, after
 * each kind of change: posts published, counts refreshed, posts gone, clients joining, leaving, banned, removed.
 */
@SpringBootTest
@WithEmbeddedPostgres
class RoomTotalsTests {

    @Autowired
    ViewsRefresher refresher;
    @Autowired
    FakeUserbot userbot;
    @Autowired
    JdbcClient jdbc;

    RoomFixture rooms;
    ClientRegistry clients;

    @BeforeEach
    void setUp() {
        rooms = new RoomFixture(jdbc);
        clients = new ClientRegistry(jdbc);
    }

    @Test
    void totalsFollowPublishingRefreshDeletionAndMemberChanges() {
        Room room = rooms.room(8101L);
        Room other = rooms.room(8101L);
        assertThat(maintained(room)).containsExactly(0L, 0L, 0L);

        rooms.posts(room, 120, 3);
        rooms.posts(other, 7, 1);
        assertTotalsMatch(room, other);
        assertThat(maintained(room)).containsExactly(120L, 360L, 0L);

        for (int m = 1; m <= 120; m++) {
            userbot.views(room.chatId(), m, m % 4 == 0 ? 3 : 10 + m); // a quarter unchanged
        }
        refresher.refreshViewsForRoom(room.id());
        assertTotalsMatch(room, other);
        assertThat(maintained(room).get(1)).isGreaterThan(360L);

        for (int m = 1; m <= 120; m++) {
            if (m % 10 == 0) { // 12 posts gone from Telegram: marked deleted by the refresh
                userbot.delete(room.chatId(), m);
            } else {
                userbot.views(room.chatId(), m, 500 + m);
            }
        }
        refresher.refreshViewsForRoom(room.id());
        assertTotalsMatch(room, other);
        assertThat(maintained(room).get(0)).isEqualTo(108L);

        jdbc.sql("DELETE FROM core.publications WHERE channel_id = :r AND message_id <= 2").param("r", other.id()).update();
        assertTotalsMatch(room, other);
        assertThat(maintained(other)).containsExactly(5L, 5L, 0L);

        Instant now = Instant.now();
        for (long user = 1; user <= 5; user++) {
            clients.register(new NewClient(room.id(), null, user, null, "Client " + user, ClientStatus.ACTIVE, now));
        }
        clients.register(new NewClient(other.id(), null, 1, null, "Client 1", ClientStatus.ACTIVE, now));
        clients.register(new NewClient(room.id(), null, 6, null, "Pending", ClientStatus.PENDING, now));
        assertTotalsMatch(room, other);
        assertThat(maintained(room).get(2)).isEqualTo(5L);

        clients.changeStatus(room.id(), 1, ClientStatus.LEFT, now);
        clients.changeStatus(room.id(), 2, ClientStatus.BANNED, now);
        clients.register(new NewClient(room.id(), null, 6, null, "Pending", ClientStatus.ACTIVE, now));
        clients.register(new NewClient(room.id(), null, 3, null, "Again", ClientStatus.ACTIVE, now)); // no change
        jdbc.sql("DELETE FROM core.clients WHERE channel_id = :r AND tg_user_id = 4").param("r", room.id()).update();
        assertTotalsMatch(room, other);
        assertThat(maintained(room).get(2)).isEqualTo(3L);
    }

    private void assertTotalsMatch(Room... checked) {
        for (Room room : checked) {
            assertThat(maintained(room)).as("room %d: maintained totals vs the aggregate", room.id())
                    .isEqualTo(aggregated(room));
        }
    }

    /** files, views, active clients as kept on core.channels. */
    private List<Long> maintained(Room room) {
        return jdbc.sql("SELECT files_count, views_total, clients_count FROM core.channels WHERE id = :r")
                .param("r", room.id()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The slow aggregate the room list used to run. */
    private List<Long> aggregated(Room room) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM core.publications WHERE channel_id = :r AND NOT deleted),
                       (SELECT coalesce(sum(views), 0) FROM core.publications WHERE channel_id = :r AND NOT deleted),
                       (SELECT count(*) FROM core.clients WHERE channel_id = :r AND status = 'active')
                """).param("r", room.id()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
