package ru.smetabot.sandbox.botapi;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.faults.FaultException;
import ru.smetabot.sandbox.faults.Faults;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;

/** Entry point of the Bot API: token check, faults, dispatch by method name, Telegram's error shape. */
@RestController
class BotApiController {

    private static final Logger log = LoggerFactory.getLogger(BotApiController.class);

    private final SandboxState state;
    private final BotRequestParser parser;
    private final UpdatesPoll updates;
    private final Faults faults;
    private final Map<String, BotMethod> methods = new HashMap<>();

    BotApiController(SandboxState state, BotRequestParser parser, UpdatesPoll updates, Faults faults,
                     List<BotMethodGroup> groups) {
        this.state = state;
        this.parser = parser;
        this.updates = updates;
        this.faults = faults;
        groups.forEach(g -> g.methods().forEach((name, m) -> methods.put(name.toLowerCase(Locale.ROOT), m)));
    }

    /** A ResponseEntity, or a DeferredResult for getUpdates (only long polls go asynchronous). */
    @RequestMapping("/bot{token}/{method}")
    Object call(@PathVariable String token, @PathVariable String method,
                                                HttpServletRequest request) {
        String name = method.toLowerCase(Locale.ROOT);
        try {
            faults.apply(Faults.BOT_API, name);
            Account bot = state.locked(() -> state.botByToken(token)).orElse(null);
            if (bot == null) {
                return BotApiReplies.error(401, "Unauthorized", null);
            }
            BotRequest params = parser.parse(request);
            if (name.equals("getupdates")) {
                return updates.poll(bot, params);
            }
            BotMethod handler = methods.get(name);
            if (handler == null) {
                return BotApiReplies.error(404, "Not Found", null);
            }
            return BotApiReplies.ok(handler.call(bot, params));
        } catch (Exception e) {
            return failure(e, name);
        }
    }

    /** Errors Spring raises before the handler runs (e.g. an unreadable multipart body) get the same shape. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> onSpringError(Exception e) {
        return failure(e, "?");
    }

    static ResponseEntity<Object> failure(Exception e, String method) {
        if (e instanceof SandboxException s) {
            return BotApiReplies.error(s.status(), s.getMessage(), null);
        }
        if (e instanceof FaultException f) {
            return BotApiReplies.error(f.status(), f.description(), f.retryAfter());
        }
        log.debug("Bot API {} failed", method, e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return BotApiReplies.error(400, "Bad Request: " + detail, null);
    }
}
