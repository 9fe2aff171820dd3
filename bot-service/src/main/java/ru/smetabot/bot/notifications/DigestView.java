package ru.smetabot.bot.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.TelegramLimits;
import ru.smetabot.bot.notifications.DigestData.FileLine;
import ru.smetabot.bot.notifications.DigestData.Person;
import ru.smetabot.bot.notifications.DigestData.RoomDay;

/** Digest texts: pure functions of {@link DigestData}; empty when there is nothing to tell. */
final class DigestView {

    /** Telegram's limit for a message's text. */
    static final int MAX_LENGTH = TelegramLimits.MAX_TEXT;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private DigestView() {
    }

    static Optional<String> daily(DigestData.Daily digest, Texts texts, Locale locale, ZoneId zone) {
        List<RoomDay> rooms = digest.rooms().stream().filter(r -> !r.isEmpty()).toList();
        if (rooms.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "digest.daily.title", format(digest.period().from(), TIME, zone),
                format(digest.period().to(), TIME, zone)));
        for (RoomDay room : rooms) {
            lines.add("");
            lines.add(texts.get(locale, "digest.room", Html.escape(room.title())));
            if (!room.joined().isEmpty()) {
                lines.add(texts.get(locale, "digest.joined", room.joined().size()));
                room.joined().forEach(p -> lines.add(p.linkName() == null
                        ? texts.get(locale, "digest.joined.no_link", who(p, texts, locale))
                        : texts.get(locale, "digest.joined.line", who(p, texts, locale), Html.escape(p.linkName()))));
            }
            if (!room.left().isEmpty()) {
                lines.add(texts.get(locale, "digest.left", room.left().size()));
                room.left().forEach(p -> lines.add(texts.get(locale, "digest.left.line", who(p, texts, locale))));
            }
            if (!room.removed().isEmpty()) {
                lines.add(texts.get(locale, "digest.removed", room.removed().size()));
                room.removed().forEach(p -> lines.add(texts.get(locale, "digest.left.line", who(p, texts, locale))));
            }
            if (!room.acknowledged().isEmpty()) {
                lines.add(texts.get(locale, "digest.acknowledged", room.acknowledged().size()));
                room.acknowledged().forEach(a -> lines.add(texts.get(locale, "digest.acknowledged.line", who(a.person(), texts, locale),
                        Html.escape(TelegramLimits.cut(a.fileName(), 120)))));
            }
            if (room.declined() > 0) {
                lines.add(texts.get(locale, "digest.declined", room.declined()));
            }
            if (room.viewsGained() > 0) {
                lines.add(texts.get(locale, "digest.views", room.viewsGained()));
            }
        }
        return Optional.of(fit(lines, texts, locale));
    }

    static Optional<String> weekly(DigestData.Weekly digest, int topFiles, Texts texts, Locale locale, ZoneId zone) {
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        long change = digest.gained() - digest.previousGained();
        String changeText = change > 0 ? texts.get(locale, "digest.weekly.change.up", change)
                : change < 0 ? texts.get(locale, "digest.weekly.change.down", -change) : texts.get(locale, "digest.weekly.change.same");
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "digest.weekly.title", format(digest.period().from(), DATE, zone),
                format(digest.period().to(), DATE, zone)));
        lines.add(texts.get(locale, "digest.weekly.total", digest.gained(), digest.previousGained(), changeText));
        if (!digest.files().isEmpty()) {
            lines.add("");
            lines.add(texts.get(locale, "digest.weekly.top"));
            List<FileLine> top = digest.files().subList(0, Math.min(topFiles, digest.files().size()));
            for (int i = 0; i < top.size(); i++) {
                FileLine file = top.get(i);
                lines.add(texts.get(locale, "digest.weekly.top.line", i + 1, Html.escape(file.fileName()), file.gained(),
                        Html.escape(file.roomTitle())));
            }
            Map<String, Long> byRoom = new LinkedHashMap<>();
            digest.files().forEach(f -> byRoom.merge(f.roomTitle(), f.gained(), Long::sum));
            lines.add("");
            lines.add(texts.get(locale, "digest.weekly.rooms"));
            byRoom.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(r -> lines.add(texts.get(locale, "digest.weekly.room.line", Html.escape(r.getKey()), r.getValue())));
        }
        if (!digest.newFiles().isEmpty()) {
            lines.add("");
            lines.add(texts.get(locale, "digest.weekly.new_files", digest.newFiles().size()));
            digest.newFiles().forEach(f -> lines.add(texts.get(locale, "digest.weekly.new_file.line",
                    Html.escape(f.fileName()), Html.escape(f.roomTitle()))));
        }
        return Optional.of(fit(lines, texts, locale));
    }

    /**
     * Joins the lines, keeping within Telegram's limit: what does not fit is cut at a line and
     * counted in "…и ещё N" (the shared {@link TelegramLimits#fitLines}, measured on the raw HTML: safe side).
     */
    static String fit(List<String> lines, Texts texts, Locale locale) {
        return TelegramLimits.fitLines(lines, MAX_LENGTH, omitted -> texts.get(locale, "digest.more", omitted));
    }

    /** "Иван Петров (@ivan)", or the numeric id when Telegram told us no name. */
    static String who(Person person, Texts texts, Locale locale) {
        String name = person.fullName() == null || person.fullName().isBlank()
                ? texts.get(locale, "digest.user_id", String.valueOf(person.tgUserId())) : Html.escape(person.fullName());
        return person.username() == null ? name : name + " (@" + Html.escape(person.username()) + ")";
    }

    private static String format(Instant instant, DateTimeFormatter format, ZoneId zone) {
        return format.format(instant.atZone(zone));
    }
}
