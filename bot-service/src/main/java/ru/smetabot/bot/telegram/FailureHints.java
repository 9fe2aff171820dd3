package ru.smetabot.bot.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.UserbotRejectedException;

/**
 * Turns a failed Telegram call into what an owner can act on: a short hint in their language with the
 * next step ("make the bot an administrator with the right …"). Telegram's raw English text never
 * reaches the owner; an error without a hint gets a generic one with a short code, and the raw text
 * is logged with that code so support can find it. Hints are plain text without HTML special
 * characters, so one hint fits an HTML screen and a callback answer alike (≤ 200 characters with its
 * prefix, tested).
 */
@Component
public class FailureHints {

    private static final Logger log = LoggerFactory.getLogger(FailureHints.class);

    /** The administrator right a call needs; named in the hint as Telegram's admin settings name it. */
    public enum Right {
        INVITE_USERS("invite_users"), RESTRICT_MEMBERS("restrict_members"), POST_MESSAGES("post_messages"),
        CHANGE_INFO("change_info");

        private final String key;

        Right(String key) {
            this.key = key;
        }

        /** The bundle key of the right's name as Telegram's admin settings show it. */
        public String messageKey() {
            return "error.right." + key;
        }
    }

    private final Texts texts;
    private final MeterRegistry meters;

    public FailureHints(Texts texts, MeterRegistry meters) {
        this.texts = texts;
        this.meters = meters;
    }

    /** The hint for a Bot API failure of a call that needs {@code right}. */
    public String hint(Locale locale, BotApiException e, Right right) {
        TelegramError reason = e.reason();
        String hint = switch (reason) {
            case NO_ADMIN_RIGHT -> texts.get(locale, "error.no_right", texts.get(locale, right.messageKey()));
            case CHAT_NOT_FOUND -> texts.get(locale, "error.chat_not_found");
            case BOT_REMOVED -> texts.get(locale, "error.bot_removed");
            case INVITE_LINK_GONE -> texts.get(locale, "error.invite_link_gone");
            case FLOOD_WAIT -> texts.get(locale, "error.flood_wait", Math.max(1, e.retryAfter().toSeconds()));
            case NETWORK -> texts.get(locale, "error.network");
            default -> null;
        };
        meters.counter("smetabot.bot.failure.hints", "reason", reason.name().toLowerCase(Locale.ROOT)).increment();
        if (hint != null) {
            log.info("Owner told '{}' for {} ({}): {}", reason, e.method(), right, e.description());
            return hint;
        }
        String code = code("TG", e.errorCode(), e.description());
        log.warn("Owner shown generic error {} for {}: Telegram said {} {}; add a hint to FailureHints if it recurs",
                code, e.method(), e.errorCode(), e.description());
        return texts.get(locale, "error.other", code);
    }

    /** The hint for a refused userbot call (a room creation, an admin promotion). */
    public String hint(Locale locale, UserbotException e) {
        String hint = null;
        String reason = "other";
        if (e instanceof UserbotRejectedException rejected) {
            if (rejected.isNoAccess()) {
                hint = texts.get(locale, "error.account_no_access");
                reason = "account_no_access";
            } else if (rejected.isChatNotFound()) {
                hint = texts.get(locale, "error.chat_not_found");
                reason = "chat_not_found";
            }
        }
        meters.counter("smetabot.bot.failure.hints", "reason", reason).increment();
        if (hint != null) {
            log.info("Owner told '{}' for a userbot call: {}", reason, e.getMessage());
            return hint;
        }
        String code = code("UB", e.status(), e.getMessage());
        log.warn("Owner shown generic error {} for a userbot call: {} {}", code, e.status(), e.getMessage());
        return texts.get(locale, "error.other", code);
    }

    /** A short code such as TG-400-3F2A: the error code and a hash of the raw text, both in the log line. */
    static String code(String source, int status, String raw) {
        int hash = (raw == null ? 0 : raw.hashCode()) & 0xFFFF;
        return String.format(Locale.ROOT, "%s-%d-%04X", source, status, hash);
    }
}
