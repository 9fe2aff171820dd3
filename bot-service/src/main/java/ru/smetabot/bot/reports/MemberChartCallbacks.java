package ru.smetabot.bot.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;

/** "👥 Участники по дням" on the card and on an archived room's card; the router checked the room. */
@Configuration(proxyBeanMethods = false)
class MemberChartCallbacks {

    @Bean
    CallbackHandler<Callback.MembersChart> membersChart(MemberReports reports, Texts texts) {
        return CallbackHandler.of(Callback.MembersChart.class, (ctx, cb) -> {
            ctx.answer(texts.get(ctx.locale(), "reports.chart.drawing"));
            reports.sendMembersChart(ctx);
        });
    }
}
