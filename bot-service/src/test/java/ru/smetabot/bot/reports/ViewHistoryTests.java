package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.reports.ViewSeries.Point;
import ru.smetabot.model.rooms.Room;

/** The chart's numbers from analytics.view_snapshots: counts held until they change, summed over live files. */
class ViewHistoryTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final ViewHistory history = new ViewHistory(ReportsDatabase.jdbc());

    @Test
    void theTotalCarriesEachFilesLastCountForwardAndLeavesDeletedFilesOut() {
        Room room = ReportsDatabase.room("Иванов — кухня");
        long a = ReportsDatabase.file(room, 1, "smeta.pdf", t("2026-03-01T08:00:00Z"), 5, false);
        long b = ReportsDatabase.file(room, 2, "plan.dwg", t("2026-03-02T08:00:00Z"), 4, false);
        long gone = ReportsDatabase.file(room, 3, "old.pdf", t("2026-03-01T09:00:00Z"), 100, true);
        ReportsDatabase.snapshot(a, t("2026-03-01T10:00:00Z"), 3);
        ReportsDatabase.snapshot(a, t("2026-03-01T10:40:00Z"), 4); // same hour: only the last one counts
        ReportsDatabase.snapshot(b, t("2026-03-02T12:00:00Z"), 2);
        ReportsDatabase.snapshot(a, t("2026-03-03T10:00:00Z"), 5);
        ReportsDatabase.snapshot(b, t("2026-03-04T09:00:00Z"), 4);
        ReportsDatabase.snapshot(gone, t("2026-03-02T00:00:00Z"), 100);
        ReportsDatabase.refreshed(room, t("2026-03-05T09:00:00Z"));

        ViewSeries total = history.total(room.getId(), MOSCOW).orElseThrow();

        assertThat(total.unit()).isEqualTo(ViewSeries.Unit.HOUR);
        assertThat(total.points()).containsExactly(
                p("2026-03-01T08:00:00Z", 0), p("2026-03-01T10:40:00Z", 4), p("2026-03-02T12:00:00Z", 6),
                p("2026-03-03T10:00:00Z", 7), p("2026-03-04T09:00:00Z", 9), p("2026-03-05T09:00:00Z", 9));
        assertThat(history.file(room.getId(), a, MOSCOW).orElseThrow().points()).containsExactly(
                p("2026-03-01T08:00:00Z", 0), p("2026-03-01T10:40:00Z", 4), p("2026-03-03T10:00:00Z", 5),
                p("2026-03-05T09:00:00Z", 5));
    }

    @Test
    void aLongHistoryHasOnePointPerDayOfTheOwnersZone() {
        Room room = ReportsDatabase.room("Дача");
        long a = ReportsDatabase.file(room, 1, "a.pdf", t("2026-01-01T08:00:00Z"), 7, false);
        ReportsDatabase.snapshot(a, t("2026-03-10T20:30:00Z"), 2); // 23:30 on the 10th in Moscow
        ReportsDatabase.snapshot(a, t("2026-03-10T22:30:00Z"), 5); // 01:30 on the 11th in Moscow
        ReportsDatabase.snapshot(a, t("2026-03-11T05:00:00Z"), 7); // the 11th in Moscow too: replaces the 5

        ViewSeries series = history.total(room.getId(), MOSCOW).orElseThrow();

        assertThat(series.unit()).isEqualTo(ViewSeries.Unit.DAY);
        assertThat(series.points()).containsExactly(p("2026-01-01T08:00:00Z", 0), p("2026-03-10T20:30:00Z", 2),
                p("2026-03-11T05:00:00Z", 7));
    }

    @Test
    void noSnapshotsIsNoHistory() {
        Room room = ReportsDatabase.room("Пусто");
        long a = ReportsDatabase.file(room, 1, "a.pdf", t("2026-01-01T08:00:00Z"), 0, false);

        assertThat(history.total(room.getId(), MOSCOW)).isEmpty();
        assertThat(history.file(room.getId(), a, MOSCOW)).isEmpty();
        assertThat(history.total(ReportsDatabase.room("Без файлов").getId(), MOSCOW)).isEmpty();
    }

    @Test
    void aFileChartIsOnlyForALiveFileOfThatRoom() {
        Room mine = ReportsDatabase.room("Мой");
        Room other = ReportsDatabase.room("Чужой");
        long live = ReportsDatabase.file(mine, 1, "мой.pdf", t("2026-01-01T08:00:00Z"), 0, false);
        long deleted = ReportsDatabase.file(mine, 2, "удалён.pdf", t("2026-01-01T08:00:00Z"), 0, true);
        long foreign = ReportsDatabase.file(other, 1, "чужой.pdf", t("2026-01-01T08:00:00Z"), 0, false);

        assertThat(history.liveFileName(mine.getId(), live)).contains("мой.pdf");
        assertThat(history.liveFileName(mine.getId(), deleted)).isEmpty();
        assertThat(history.liveFileName(mine.getId(), foreign)).isEmpty();
    }

    @Test
    void theFileButtonsArePagedNewestFirst() {
        Room room = ReportsDatabase.room("Много файлов");
        for (int i = 1; i <= 8; i++) {
            ReportsDatabase.file(room, i, "file-" + i + ".pdf", t("2026-01-01T08:00:00Z").plusSeconds(i * 60L), 0, false);
        }

        ChartKeyboard.FilePage first = history.filePage(room.getId(), 0);
        ChartKeyboard.FilePage last = history.filePage(room.getId(), 5);

        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.files()).extracting(ChartKeyboard.FileButton::fileName)
                .containsExactly("file-8.pdf", "file-7.pdf", "file-6.pdf", "file-5.pdf", "file-4.pdf", "file-3.pdf");
        assertThat(last.page()).isEqualTo(1);
        assertThat(last.files()).extracting(ChartKeyboard.FileButton::fileName).containsExactly("file-2.pdf", "file-1.pdf");
    }

    static Instant t(String instant) {
        return Instant.parse(instant);
    }

    static Point p(String at, long views) {
        return new Point(t(at), views);
    }
}
