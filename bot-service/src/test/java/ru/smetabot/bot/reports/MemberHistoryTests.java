package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.reports.MemberSeries.Day;
import ru.smetabot.bot.reports.MemberSeries.LinkFlow;
import ru.smetabot.model.rooms.Room;

/** The members chart's numbers from analytics.events and core.clients, against a known set of joins and leaves. */
class MemberHistoryTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    private final JdbcClient jdbc = ReportsDatabase.jdbc();
    private final MemberHistory history = new MemberHistory(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void joinsAndLeavesPerDayOfTheOwnersZoneAndTheMemberCountEndingAtToday() {
        Room room = ReportsDatabase.room("Иванов — кухня");
        long family = invite(room, "Семья");
        long foreman = invite(room, "Прораб");
        long olga = client(room, family, 1, "active");
        long sergey = client(room, family, 2, "active");
        long pavel = client(room, foreman, 3, "left");
        long stranger = client(room, null, 4, "left");
        event(room, olga, "client_join", "2026-03-01T10:00:00Z");
        event(room, sergey, "client_join", "2026-03-01T20:30:00Z"); // 23:30 on the 1st in Moscow
        event(room, pavel, "client_join", "2026-03-01T21:30:00Z"); // 00:30 on the 2nd in Moscow
        event(room, pavel, "client_leave", "2026-03-03T10:00:00Z");
        event(room, stranger, "client_join", "2026-03-04T09:00:00Z");
        event(room, stranger, "client_banned", "2026-03-04T10:00:00Z"); // removed: ban, then unban ...
        event(room, stranger, "client_leave", "2026-03-04T10:00:01Z"); // ... one departure, not two
        event(room, olga, "file_posted", "2026-03-02T10:00:00Z"); // not a join or a leave

        MemberSeries series = history.series(room.getId(), MOSCOW).orElseThrow();

        assertThat(series.days()).containsExactly(day("2026-03-01", 2, 0, 2), day("2026-03-02", 1, 0, 3),
                day("2026-03-03", 0, 1, 2), day("2026-03-04", 1, 1, 2), day("2026-03-05", 0, 0, 2));
        assertThat(series.joins()).isEqualTo(4);
        assertThat(series.leaves()).isEqualTo(2);
        assertThat(series.links()).containsExactly(new LinkFlow("Семья", 2, 0), new LinkFlow("", 1, 1),
                new LinkFlow("Прораб", 1, 1));
    }

    @Test
    void manyLinksShowTheBusiestAndSumTheRestAsOtherLinks() {
        Room room = ReportsDatabase.room("Много ссылок");
        for (int i = 1; i <= 7; i++) {
            long link = invite(room, "Ссылка " + i);
            for (int j = 0; j < i; j++) {
                event(room, client(room, link, i * 100 + j, "active"), "client_join", "2026-03-05T08:00:00Z");
            }
        }

        MemberSeries series = history.series(room.getId(), MOSCOW).orElseThrow();

        assertThat(series.days()).containsExactly(day("2026-03-05", 28, 0, 28));
        assertThat(series.links()).hasSize(MemberHistory.MAX_LINKS).containsExactly(new LinkFlow("Ссылка 7", 7, 0),
                new LinkFlow("Ссылка 6", 6, 0), new LinkFlow("Ссылка 5", 5, 0), new LinkFlow("Ссылка 4", 4, 0),
                new LinkFlow(null, 6, 0));
    }

    @Test
    void aLongHistoryShowsTheLastSixtyDaysWithTheCountCarriedFromBefore() {
        Room room = ReportsDatabase.room("Давний");
        event(room, client(room, null, 1, "active"), "client_join", "2025-06-01T10:00:00Z");
        event(room, client(room, null, 2, "active"), "client_join", "2026-03-04T10:00:00Z");

        MemberSeries series = history.series(room.getId(), MOSCOW).orElseThrow();

        assertThat(series.days()).hasSize(MemberHistory.MAX_DAYS);
        assertThat(series.days().get(0)).isEqualTo(day("2026-01-05", 0, 0, 1));
        assertThat(series.last()).isEqualTo(day("2026-03-05", 0, 0, 2));
        assertThat(series.joins()).as("only the days shown").isEqualTo(1);
    }

    @Test
    void nobodyEverJoinedIsNoChart() {
        Room room = ReportsDatabase.room("Пустой");
        assertThat(history.series(room.getId(), MOSCOW)).isEmpty();
    }

    private static Day day(String date, long joins, long leaves, long members) {
        return new Day(LocalDate.parse(date), joins, leaves, members);
    }

    private long invite(Room room, String name) {
        return jdbc.sql("INSERT INTO core.invites (channel_id, invite_link, name) VALUES (:r, :l, :n) RETURNING id")
                .param("r", room.getId()).param("l", "https://t.me/+" + room.getId() + "_" + name.hashCode())
                .param("n", name).query(Long.class).single();
    }

    private long client(Room room, Long invite, long user, String status) {
        return jdbc.sql("""
                INSERT INTO core.clients (channel_id, invite_id, tg_user_id, status, joined_at)
                VALUES (:r, :i, :u, :s, now()) RETURNING id
                """).param("r", room.getId()).param("i", invite).param("u", user).param("s", status)
                .query(Long.class).single();
    }

    private void event(Room room, long client, String type, String at) {
        jdbc.sql("INSERT INTO analytics.events (event_type, channel_id, client_id, created_at) VALUES (:t, :r, :c, :at)")
                .param("t", type).param("r", room.getId()).param("c", client)
                .param("at", ReportsDatabase.at(Instant.parse(at))).update();
    }
}
