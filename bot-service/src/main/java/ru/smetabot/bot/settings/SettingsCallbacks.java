package ru.smetabot.bot.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;

/** The settings' buttons. */
@Configuration(proxyBeanMethods = false)
class SettingsCallbacks {

    @Bean
    CallbackHandler<Callback.Settings> settingsOverview(SettingsScreens screens) {
        return CallbackHandler.of(Callback.Settings.class, (ctx, cb) -> screens.show(ctx));
    }

    @Bean
    CallbackHandler<Callback.ZonePage> settingsZonePage(SettingsScreens screens) {
        return CallbackHandler.of(Callback.ZonePage.class, (ctx, cb) -> screens.zonePage(ctx, cb.page()));
    }

    @Bean
    CallbackHandler<Callback.ZoneChoice> settingsZoneChoice(SettingsScreens screens) {
        return CallbackHandler.of(Callback.ZoneChoice.class, (ctx, cb) -> screens.chooseZone(ctx, cb.index()));
    }

    @Bean
    CallbackHandler<Callback.DigestHours> settingsDigestHours(SettingsScreens screens) {
        return CallbackHandler.of(Callback.DigestHours.class, (ctx, cb) -> screens.hours(ctx));
    }

    @Bean
    CallbackHandler<Callback.DigestHour> settingsDigestHour(SettingsScreens screens) {
        return CallbackHandler.of(Callback.DigestHour.class, (ctx, cb) -> screens.chooseHour(ctx, cb.hour()));
    }
}
