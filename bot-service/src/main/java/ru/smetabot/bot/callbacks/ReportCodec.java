package ru.smetabot.bot.callbacks;

import java.util.regex.Matcher;
import ru.smetabot.bot.callbacks.Callback.ChartFiles;
import ru.smetabot.bot.callbacks.Callback.Export;
import ru.smetabot.bot.callbacks.Callback.FileChart;
import ru.smetabot.bot.callbacks.Callback.ViewsChart;

/** The charts' and exports' part of {@link CallbackCodec}'s grammar (kept apart, as {@link MemberCodec}). */
final class ReportCodec {

    private ReportCodec() {
    }

    static Callback parse(Matcher report) {
        if (!report.matches()) {
            return null;
        }
        long roomId = Long.parseLong(report.group(1));
        String action = report.group(2);
        if (action.equals("chart")) {
            return new ViewsChart(roomId);
        }
        if (action.equals("export")) {
            return new Export(roomId);
        }
        if (report.group(3) != null) {
            return new FileChart(roomId, Long.parseLong(report.group(3)));
        }
        return new ChartFiles(roomId, Integer.parseInt(report.group(4)));
    }

    static String format(Callback callback) {
        if (callback instanceof ViewsChart c) {
            return "ch:" + c.roomId() + ":chart";
        }
        if (callback instanceof FileChart c) {
            return "ch:" + c.roomId() + ":chart:" + c.publicationId();
        }
        if (callback instanceof ChartFiles c) {
            return "ch:" + c.roomId() + ":chartp:" + c.page();
        }
        if (callback instanceof Export c) {
            return "ch:" + c.roomId() + ":export";
        }
        return null;
    }
}
