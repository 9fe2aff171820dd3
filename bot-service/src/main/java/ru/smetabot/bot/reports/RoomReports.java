package ru.smetabot.bot.reports;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.rooms.Room;

/**
 * Prepares and sends the chart and the exports for a pressed button. Whatever goes wrong, the owner is
 * told in the chat (the button's toast is already gone), the operator gets a log line with the room and
 * the Bot API error, and the outcome is counted.
 */
@Service
class RoomReports {

    private static final Logger log = LoggerFactory.getLogger(RoomReports.class);

    private final ViewHistory history;
    private final RoomExports exports;
    private final BotGateway gateway;
    private final Texts texts;
    private final ReportMetrics metrics;
    private final OwnerZones zones;

    RoomReports(ViewHistory history, RoomExports exports, BotGateway gateway, Texts texts, ReportMetrics metrics,
            OwnerZones zones) {
        this.history = history;
        this.exports = exports;
        this.gateway = gateway;
        this.texts = texts;
        this.metrics = metrics;
        this.zones = zones;
    }

    /** "📈 График": the room's total views over time, with a button per file under it. */
    void sendRoomChart(CallbackContext ctx) {
        Room room = ctx.room();
        Locale locale = ctx.locale();
        String title = Html.escape(room.getTitle());
        deliver(ctx, "chart", () -> {
            Optional<ViewSeries> series = history.total(room.getId(), zones.zone(room));
            if (series.isEmpty()) {
                gateway.send(ctx.chatId(), Screen.text(texts.get(locale, "reports.chart.no_data", title)));
                return "no_data";
            }
            byte[] png = metrics.timeRendering("chart", () -> ViewsChart.render(series.get(),
                    labels(texts.get(locale, "reports.chart.title", room.getTitle()), locale, zones.zone(room)), zones.zone(room), locale));
            InlineKeyboardMarkup files = ChartKeyboard.render(history.filePage(room.getId(), 0), texts, locale);
            gateway.sendPhoto(ctx.chatId(), png, "views.png", texts.get(locale, "reports.chart.caption", title,
                    series.get().last().views(), time(series.get(), zones.zone(room))), files);
            return "sent";
        });
    }

    /** One file's chart, from the buttons under the room's chart; a file not live in this room is refused. */
    void sendFileChart(CallbackContext ctx, long publicationId) {
        Room room = ctx.room();
        Locale locale = ctx.locale();
        Optional<String> name = history.liveFileName(room.getId(), publicationId);
        if (name.isEmpty()) {
            metrics.outcome("file_chart", "refused");
            log.warn("Refused the chart of file {} in room {} to user {}: not a live file of that room",
                    publicationId, room.getId(), ctx.userId());
            ctx.answer(texts.get(locale, "callback.refused"), true);
            return;
        }
        ctx.answer(texts.get(locale, "reports.chart.drawing"));
        String file = Html.escape(name.get());
        deliver(ctx, "file_chart", () -> {
            Optional<ViewSeries> series = history.file(room.getId(), publicationId, zones.zone(room));
            if (series.isEmpty()) {
                gateway.send(ctx.chatId(), Screen.text(texts.get(locale, "reports.chart.file_no_data", file)));
                return "no_data";
            }
            byte[] png = metrics.timeRendering("file_chart", () -> ViewsChart.render(series.get(),
                    labels(texts.get(locale, "reports.chart.file_title", name.get()), locale, zones.zone(room)), zones.zone(room), locale));
            gateway.sendPhoto(ctx.chatId(), png, "views.png", texts.get(locale, "reports.chart.file_caption", file,
                    Html.escape(room.getTitle()), series.get().last().views(), time(series.get(), zones.zone(room))), null);
            return "sent";
        });
    }

    /** ⬅️/➡️ under the room's chart: the next page of file buttons, on the same photo. */
    void showChartFiles(CallbackContext ctx, int page) {
        gateway.editKeyboard(ctx.chatId(), ctx.messageId(),
                ChartKeyboard.render(history.filePage(ctx.room().getId(), page), texts, ctx.locale()));
    }

    /** "📥 Экспорт": CSV documents of the files, the members and (if any file asks) acknowledgements; one failing does not stop another. */
    void sendExports(CallbackContext ctx) {
        Room room = ctx.room();
        Locale locale = ctx.locale();
        String title = Html.escape(room.getTitle());
        RoomExports inZone = exports.withZone(zones.zone(room));
        deliver(ctx, "files", () -> upload(ctx, metrics.timeRendering("files", () -> inZone.files(room, locale)),
                texts.get(locale, "reports.csv.files_caption", title)));
        deliver(ctx, "members", () -> upload(ctx, metrics.timeRendering("members", () -> inZone.members(room, locale)),
                texts.get(locale, "reports.csv.members_caption", title)));
        if (inZone.hasAcknowledgements(room)) {
            deliver(ctx, "acks", () -> upload(ctx, metrics.timeRendering("acks", () -> inZone.acknowledgements(room, locale)),
                    texts.get(locale, "reports.csv.acks_caption", title)));
        }
    }

    private String upload(CallbackContext ctx, RoomExports.ExportFile file, String caption) {
        try {
            gateway.sendDocument(ctx.chatId(), file.path(), file.fileName(), texts.get(ctx.locale(),
                    "reports.csv.rows", caption, file.rows()));
            return "sent";
        } finally {
            RoomExports.delete(file.path());
        }
    }

    /** Runs one report; a failure becomes a message to the owner, a log line and a counted outcome. */
    private void deliver(CallbackContext ctx, String kind, Supplier<String> report) {
        String what = texts.get(ctx.locale(), "reports.what." + kind);
        try {
            metrics.outcome(kind, report.get());
        } catch (BotApiException e) {
            metrics.outcome(kind, "telegram_error");
            log.warn("Room {}: the {} for user {} was not delivered: {}", ctx.room().getId(), kind, ctx.userId(),
                    e.getMessage());
            tell(ctx, texts.get(ctx.locale(), "reports.failed.telegram", what, e.errorCode() == 0 ? "—" : e.errorCode()));
        } catch (RuntimeException e) {
            metrics.outcome(kind, "failed");
            log.error("Room {}: preparing the {} for user {} failed", ctx.room().getId(), kind, ctx.userId(), e);
            tell(ctx, texts.get(ctx.locale(), "reports.failed.error", what));
        }
    }

    private void tell(CallbackContext ctx, String text) {
        try {
            gateway.send(ctx.chatId(), Screen.text(text));
        } catch (BotApiException e) {
            log.error("User {} could not be told that a report failed: {}", ctx.userId(), e.getMessage());
        }
    }

    private ViewsChart.Labels labels(String title, Locale locale, ZoneId zone) {
        return new ViewsChart.Labels(title, texts.get(locale, "reports.chart.x_axis", zone.getId()),
                texts.get(locale, "reports.chart.y_axis"));
    }

    private String time(ViewSeries series, ZoneId zone) {
        return Dates.dateTime(series.last().at(), zone);
    }
}
