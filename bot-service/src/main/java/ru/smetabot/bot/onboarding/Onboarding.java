package ru.smetabot.bot.onboarding;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.contractors.Contractor;

/**
 * /start's checklist. Sent after the welcome while something is left to do; once all four steps are done /start is
 * the plain welcome again. Each checklist shown counts {@code smetabot_bot_onboarding_steps_total{step}} with the
 * step it offers (account, room, link, file), so the metric shows where owners stop.
 */
@Service
public class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final OnboardingProgress progress;
    private final BotGateway gateway;
    private final Texts texts;
    private final MeterRegistry registry;
    private final String miniAppUrl;

    Onboarding(OnboardingProgress progress, BotGateway gateway, Texts texts, MeterRegistry registry, BotProperties properties) {
        this.progress = progress;
        this.gateway = gateway;
        this.texts = texts;
        this.registry = registry;
        this.miniAppUrl = properties.miniAppUrl();
    }

    /** The owner's progress (asks the userbot whether the account is connected). */
    public Checklist progress(Contractor contractor) {
        return progress.of(contractor);
    }

    /** Sends the checklist when a step is left; true when it was sent. */
    public boolean sendIfUnfinished(long chatId, Contractor contractor, Checklist checklist, Locale locale) {
        if (checklist.finished()) {
            return false;
        }
        String step = checklist.next().orElseThrow().tag();
        registry.counter("smetabot.bot.onboarding.steps", "step", step).increment();
        log.info("Onboarding of owner {}: next step '{}' (account {}, room {}, link {}, file {})", contractor.getTgUserId(),
                step, checklist.account(), checklist.room(), checklist.link(), checklist.file());
        gateway.send(chatId, OnboardingView.render(checklist, miniAppUrl, texts, locale));
        return true;
    }
}
