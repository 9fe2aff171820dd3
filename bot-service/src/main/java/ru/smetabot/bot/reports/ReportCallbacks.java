package ru.smetabot.bot.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;

/** The card's "📈 График" and "📥 Экспорт", and the file buttons under the chart; the router checked the room. */
@Configuration(proxyBeanMethods = false)
class ReportCallbacks {

    @Bean
    RoomExports roomExports(JdbcClient jdbc, Texts texts, BotProperties properties) {
        return new RoomExports(jdbc, texts, properties.timeZone());
    }

    @Bean
    CallbackHandler<Callback.ViewsChart> viewsChart(RoomReports reports, Texts texts) {
        return CallbackHandler.of(Callback.ViewsChart.class, (ctx, cb) -> {
            ctx.answer(texts.get(ctx.locale(), "reports.chart.drawing"));
            reports.sendRoomChart(ctx);
        });
    }

    @Bean
    CallbackHandler<Callback.FileChart> fileChart(RoomReports reports) {
        return CallbackHandler.of(Callback.FileChart.class, (ctx, cb) -> reports.sendFileChart(ctx, cb.publicationId()));
    }

    @Bean
    CallbackHandler<Callback.ChartFiles> chartFiles(RoomReports reports) {
        return CallbackHandler.of(Callback.ChartFiles.class, (ctx, cb) -> {
            ctx.answer(null);
            reports.showChartFiles(ctx, cb.page());
        });
    }

    @Bean
    CallbackHandler<Callback.Export> export(RoomReports reports, Texts texts) {
        return CallbackHandler.of(Callback.Export.class, (ctx, cb) -> {
            ctx.answer(texts.get(ctx.locale(), "reports.csv.preparing"));
            reports.sendExports(ctx);
        });
    }
}
