package ru.smetabot.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.rooms.Room;

/** The exports read back as Excel would: BOM, ';', headers in the owner's language, every row, Cyrillic intact. */
class RoomExportsTests {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final RoomExports exports = new RoomExports(ReportsDatabase.jdbc(), new Texts(), MOSCOW);

    @Test
    void filesAreAllListedAcrossPagesWithLinksDatesAndTheDeletedFlag() throws IOException {
        Room room = ReportsDatabase.room("Иванов — кухня");
        int count = RoomExports.PAGE * 2 + 3; // crosses two page boundaries
        ReportsDatabase.jdbc().sql("""
                INSERT INTO core.publications (channel_id, message_id, file_name, posted_at, views, deleted)
                SELECT :room, m, 'файл-' || m || '.pdf', TIMESTAMPTZ '2026-03-01 09:00Z' + m * INTERVAL '1 minute', m, m = 2
                  FROM generate_series(1, :count) AS m
                """).param("room", room.getId()).param("count", count).update();
        ReportsDatabase.jdbc().sql("UPDATE core.publications SET views_refreshed_at = TIMESTAMPTZ '2026-03-05 21:30Z' WHERE channel_id = :room AND message_id = 1")
                .param("room", room.getId()).update();

        RoomExports.ExportFile file = exports.files(room, Texts.RUSSIAN);
        try {
            assertThat(file.fileName()).isEqualTo("Иванов — кухня — файлы.csv");
            assertThat(file.rows()).isEqualTo(count);
            assertThat(Files.readAllBytes(file.path())).as("UTF-8 BOM first").startsWith(0xEF, 0xBB, 0xBF);
            List<CSVRecord> rows = read(file.path(), "Файл");
            assertThat(rows).hasSize(count);
            assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("Файл", "ID сообщения", "Ссылка",
                    "Опубликован", "Просмотры", "Просмотры обновлены", "Удалён", "Охват, %");
            CSVRecord first = rows.get(0);
            assertThat(first.get("Файл")).isEqualTo("файл-1.pdf");
            assertThat(first.get("ID сообщения")).isEqualTo("1");
            assertThat(first.get("Ссылка")).isEqualTo("https://t.me/c/" + (-1_000_000_000_000L - room.getTgChatId()) + "/1");
            assertThat(first.get("Опубликован")).isEqualTo("01.03.2026 12:01");
            assertThat(first.get("Просмотры обновлены")).isEqualTo("06.03.2026 00:30");
            assertThat(first.get("Удалён")).isEqualTo("нет");
            assertThat(rows.get(1).get("Удалён")).isEqualTo("да");
            assertThat(rows.get(count - 1).get("Файл")).isEqualTo("файл-" + count + ".pdf");
            assertThat(rows.get(count - 1).get("Просмотры")).isEqualTo(String.valueOf(count));
            assertThat(first.get("Охват, %")).as("nobody was a member: no reach").isEmpty();
        } finally {
            RoomExports.delete(file.path());
        }
    }

    @Test
    void reachIsViewsOverTheClientsInTheRoomWhenTheFileWasPosted() throws IOException {
        Room room = ReportsDatabase.room("Охват");
        Instant posted = Instant.parse("2026-03-10T09:00:00Z");
        ReportsDatabase.file(room, 1, "early.pdf", posted, 4, false);
        ReportsDatabase.file(room, 2, "later.pdf", posted.plusSeconds(86_400 * 3), 3, false);
        member(room, 1, "active", "2026-03-01T09:00:00Z", null); // in the room for both
        member(room, 2, "left", "2026-03-01T09:00:00Z", "2026-03-11T09:00:00Z"); // left between them
        member(room, 3, "banned", "2026-03-02T09:00:00Z", "2026-03-12T09:00:00Z"); // removed between them
        member(room, 4, "active", "2026-03-05T09:00:00Z", null);
        member(room, 5, "active", "2026-03-12T09:00:00Z", null); // joined after the first file
        member(room, 6, "left", "2026-03-01T09:00:00Z", "2026-03-09T09:00:00Z"); // gone before either
        member(room, 7, "pending", null, null); // never joined

        RoomExports.ExportFile file = exports.files(room, Texts.ENGLISH);
        try {
            List<CSVRecord> rows = read(file.path(), "File");
            // early.pdf: clients 1-4 were in, 4 members and 4 views; later.pdf: clients 1, 4 and 5, 3 members and 3 views.
            assertThat(rows).extracting(r -> r.get("Reach, %")).containsExactly("100", "100");
        } finally {
            RoomExports.delete(file.path());
        }
        ReportsDatabase.jdbc().sql("UPDATE core.publications SET views = 1 WHERE channel_id = :r").param("r", room.getId()).update();
        file = exports.files(room, Texts.ENGLISH);
        try {
            assertThat(read(file.path(), "File")).extracting(r -> r.get("Reach, %")).containsExactly("25", "33");
        } finally {
            RoomExports.delete(file.path());
        }
    }

    private static void member(Room room, long user, String status, String joinedAt, String leftAt) {
        ReportsDatabase.jdbc().sql("""
                INSERT INTO core.clients (channel_id, tg_user_id, status, joined_at, left_at) VALUES (:r, :u, :s, :j, :l)
                """).param("r", room.getId()).param("u", user).param("s", status)
                .param("j", joinedAt == null ? null : ReportsDatabase.at(Instant.parse(joinedAt)))
                .param("l", leftAt == null ? null : ReportsDatabase.at(Instant.parse(leftAt))).update();
    }

    @Test
    void membersKeepTheirNamesLinkAndStatusAndANameCannotBecomeAFormula() throws IOException {
        Room room = ReportsDatabase.room("Петров; баня \"люкс\"");
        long link = ReportsDatabase.jdbc().sql("""
                INSERT INTO core.invites (channel_id, invite_link, name) VALUES (:room, :link, 'Семья Петровых') RETURNING id
                """).param("room", room.getId()).param("link", "https://t.me/+" + room.getId() + "abc").query(Long.class).single();
        client(room, link, 501, "Анна Петрова", "anna", "active", Instant.parse("2026-03-01T09:00:00Z"));
        client(room, null, 502, "=HYPERLINK(\"http://evil\")", null, "banned", null);
        client(room, link, 503, "Олег; \"Прораб\"", "oleg", "left", Instant.parse("2026-03-02T21:15:00Z"));

        RoomExports.ExportFile file = exports.members(room, Texts.RUSSIAN);
        try {
            assertThat(file.fileName()).isEqualTo("Петров; баня _люкс_ — участники.csv");
            List<CSVRecord> rows = read(file.path(), "Имя");
            assertThat(rows.get(0).getParser().getHeaderNames())
                    .containsExactly("Имя", "Username", "Telegram ID", "Ссылка-приглашение", "Дата вступления", "Статус");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).toList()).containsExactly("Анна Петрова", "anna", "501", "Семья Петровых",
                    "01.03.2026 12:00", "в канале");
            assertThat(rows.get(1).toList()).containsExactly("'=HYPERLINK(\"http://evil\")", "", "502", "", "", "заблокирован(а)");
            assertThat(rows.get(2).toList()).containsExactly("Олег; \"Прораб\"", "oleg", "503", "Семья Петровых",
                    "03.03.2026 00:15", "вышел(а)");
        } finally {
            RoomExports.delete(file.path());
        }
    }

    @Test
    void anEmptyRoomGivesTheHeaderOnlyInTheOwnersLanguage() throws IOException {
        Room room = ReportsDatabase.room("Empty");

        RoomExports.ExportFile file = exports.members(room, Texts.ENGLISH);
        try {
            assertThat(file.rows()).isZero();
            assertThat(file.fileName()).isEqualTo("Empty - members.csv");
            assertThat(Files.readString(file.path(), StandardCharsets.UTF_8))
                    .isEqualTo("\uFEFFName;Username;Telegram id;Invite link;Joined;Status\r\n");
        } finally {
            RoomExports.delete(file.path());
        }
    }

    private static void client(Room room, Long link, long tgUserId, String name, String username, String status, Instant joined) {
        ReportsDatabase.jdbc().sql("""
                INSERT INTO core.clients (channel_id, invite_id, tg_user_id, username, full_name, status, joined_at)
                VALUES (:room, :link, :user, :username, :name, :status, :joined)
                """).param("room", room.getId()).param("link", link).param("user", tgUserId).param("username", username)
                .param("name", name).param("status", status).param("joined", joined == null ? null : ReportsDatabase.at(joined))
                .update();
    }

    /** Parses as Excel would open it: the BOM taken off (else it sticks to the first header), ';' between cells. */
    private static List<CSVRecord> read(Path path, String firstHeader) throws IOException {
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(path)).get();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = RoomExports.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames().get(0)).isEqualTo(firstHeader);
            return parser.getRecords();
        }
    }
}
