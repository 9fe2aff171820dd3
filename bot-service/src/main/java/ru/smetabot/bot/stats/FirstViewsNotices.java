package ru.smetabot.bot.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.InstantNotices;
import ru.smetabot.bot.notifications.NoticeKind;
import ru.smetabot.bot.telegram.TelegramLimits;

/**
 * "👁 First views": the common views-refresh routine writes a {@code first_views} event when a file's count goes
 * from 0 to more (whoever ran it: the worker's schedule or the card's button). This claims new ones — marking
 * them in the event's details in the same statement, so each is told once whatever instance claims it — and
 * tells each room's owner, one message per room. Runs every {@code FIRST_VIEWS_CHECK_INTERVAL} and right after a button refresh.
 */
@Component
public class FirstViewsNotices {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(FirstViewsNotices.class);

    private final JdbcClient jdbc;
    private final InstantNotices notices;
    private final Texts texts;

    FirstViewsNotices(JdbcClient jdbc, InstantNotices notices, Texts texts) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.texts = texts;
    }

    private String render(List<FirstViews> room, java.util.Locale locale) {
        FirstViews first = room.get(0);
        if (room.size() == 1) {
            return texts.get(locale, "notice.first_views", name(first), Html.escape(first.roomTitle()), first.views());
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(texts.get(locale, "notice.first_views.many", Html.escape(first.roomTitle()), room.size()));
        room.forEach(f -> lines.add(texts.get(locale, "notice.first_views.line", name(f), f.views())));
        return TelegramLimits.fitLines(lines, TelegramLimits.MAX_TEXT, omitted -> texts.get(locale, "ack.more", omitted));
    }

    private static String name(FirstViews f) {
        return Html.escape(TelegramLimits.cut(f.fileName(), 120));
    }

    private record FirstViews(long roomId, long contractorId, String roomTitle, String fileName, int views) {
    }

    /** Tells the owners about every unclaimed first_views event; returns how many were claimed. */
    @Scheduled(initialDelayString = "${smetabot.bot.acknowledgements.first-views-check:PT1M}",
            fixedDelayString = "${smetabot.bot.acknowledgements.first-views-check:PT1M}")
    public int tellNew() {
        List<FirstViews> claimed = jdbc.sql("""
                WITH claimed AS (
                    UPDATE analytics.events e SET details = e.details || '{"noticed": true}'::jsonb
                     WHERE e.id IN (SELECT id FROM analytics.events
                                     WHERE event_type = 'first_views' AND details->>'noticed' IS NULL
                                     ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                 RETURNING e.channel_id, (e.details->>'publication_id')::bigint AS publication_id,
                           (e.details->>'views')::int AS views)
                SELECT c.id, c.contractor_id, c.title, coalesce(p.file_name, '#' || p.message_id) AS file_name, claimed.views
                  FROM claimed JOIN core.channels c ON c.id = claimed.channel_id AND NOT c.deleted
                  JOIN core.publications p ON p.id = claimed.publication_id""")
                .param("batch", BATCH)
                .query((rs, n) -> new FirstViews(rs.getLong("id"), rs.getLong("contractor_id"), rs.getString("title"),
                        rs.getString("file_name"), rs.getInt("views")))
                .list();
        // One notice per room: a refresh after many publications must not send the owner a message per file.
        Map<Long, List<FirstViews>> byRoom = claimed.stream()
                .collect(Collectors.groupingBy(FirstViews::roomId, LinkedHashMap::new, Collectors.toList()));
        for (List<FirstViews> room : byRoom.values()) {
            FirstViews first = room.get(0);
            notices.tell(first.roomId(), first.contractorId(), NoticeKind.FIRST_VIEWS, locale -> render(room, locale));
        }
        if (!claimed.isEmpty()) {
            log.info("First views told for {} files", claimed.size());
        }
        return claimed.size();
    }
}
