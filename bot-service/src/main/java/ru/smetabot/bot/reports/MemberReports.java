package ru.smetabot.bot.reports;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.rooms.Room;

/**
 * "👥 Участники по дням": the members chart with the joins and leaves per link in its caption. Like the
 * views chart, whatever goes wrong is told to the owner in the chat, logged with the room and counted
 * (kind {@code members_chart}).
 */
@Service
class MemberReports {

    private static final Logger log = LoggerFactory.getLogger(MemberReports.class);
    static final String KIND = "members_chart";

    private final MemberHistory history;
    private final BotGateway gateway;
    private final Texts texts;
    private final ReportMetrics metrics;
    private final OwnerZones zones;

    MemberReports(MemberHistory history, BotGateway gateway, Texts texts, ReportMetrics metrics, OwnerZones zones) {
        this.history = history;
        this.gateway = gateway;
        this.texts = texts;
        this.metrics = metrics;
        this.zones = zones;
    }

    void sendMembersChart(CallbackContext ctx) {
        Room room = ctx.room();
        Locale locale = ctx.locale();
        String title = Html.escape(room.getTitle());
        String outcome;
        try {
            outcome = send(ctx.chatId(), room, title, locale, zones.zone(room));
        } catch (BotApiException e) {
            outcome = "telegram_error";
            log.warn("Room {}: the members chart for user {} was not delivered: {}", room.getId(), ctx.userId(), e.getMessage());
            tell(ctx, texts.get(locale, "reports.failed.telegram", texts.get(locale, "reports.what." + KIND),
                    e.errorCode() == 0 ? "—" : e.errorCode()));
        } catch (RuntimeException e) {
            outcome = "failed";
            log.error("Room {}: preparing the members chart for user {} failed", room.getId(), ctx.userId(), e);
            tell(ctx, texts.get(locale, "reports.failed.error", texts.get(locale, "reports.what." + KIND)));
        }
        metrics.outcome(KIND, outcome);
    }

    private String send(long chatId, Room room, String title, Locale locale, ZoneId zone) {
        Optional<MemberSeries> series = history.series(room.getId(), zone);
        if (series.isEmpty()) {
            gateway.send(chatId, Screen.text(texts.get(locale, "reports.members.no_data", title)));
            return "no_data";
        }
        MemberSeries s = series.get();
        byte[] png = metrics.timeRendering(KIND, () -> MembersChart.render(s, labels(room.getTitle(), locale, zone), locale));
        gateway.sendPhoto(chatId, png, "members.png", caption(s, title, texts, locale), null);
        log.info("Room {}: members chart sent ({} days, {} members now, {} links)", room.getId(), s.days().size(),
                s.last().members(), s.links().size());
        return "sent";
    }

    /** The caption: members now, the period's joins and leaves, then one line per link. */
    static String caption(MemberSeries series, String escapedTitle, Texts texts, Locale locale) {
        StringBuilder text = new StringBuilder(texts.get(locale, "reports.members.caption", escapedTitle,
                series.last().members(), Dates.date(series.last().day()), series.days().size(), series.joins(),
                series.leaves()));
        if (!series.links().isEmpty()) {
            text.append('\n').append(texts.get(locale, "reports.members.by_link"));
            for (MemberSeries.LinkFlow link : series.links()) {
                String name = link.name() == null ? texts.get(locale, "reports.members.other_links")
                        : link.name().isEmpty() ? texts.get(locale, "reports.members.no_link") : "«" + Html.escape(link.name()) + "»";
                text.append('\n').append(texts.get(locale, "reports.members.link", name, link.joins(), link.leaves()));
            }
        }
        return text.toString();
    }

    private MembersChart.Labels labels(String title, Locale locale, ZoneId zone) {
        return new MembersChart.Labels(texts.get(locale, "reports.members.title", title),
                texts.get(locale, "reports.chart.x_axis", zone.getId()), texts.get(locale, "reports.members.members"),
                texts.get(locale, "reports.members.joins"), texts.get(locale, "reports.members.leaves"));
    }

    private void tell(CallbackContext ctx, String text) {
        try {
            gateway.send(ctx.chatId(), Screen.text(text));
        } catch (BotApiException e) {
            log.error("User {} could not be told that the members chart failed: {}", ctx.userId(), e.getMessage());
        }
    }
}
