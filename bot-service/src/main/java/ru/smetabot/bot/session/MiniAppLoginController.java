package ru.smetabot.bot.session;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.bot.i18n.Texts;

/**
 * The Mini App's API. Every step carries the page's initData ({@code Authorization: tma <initData>}) and
 * is verified before anything else: forged or stale → 401 and the userbot is not called. The account is
 * the verified user; the page's fields are only the phone, the code, the password and the loginId.
 */
@RestController
@RequestMapping("/miniapp/api")
class MiniAppLoginController {

    private static final Logger log = LoggerFactory.getLogger(MiniAppLoginController.class);
    private static final String SCHEME = "tma ";

    private final InitDataVerifier verifier;
    private final AccountLogin login;
    private final LoginMetrics metrics;
    private final Texts texts;

    MiniAppLoginController(InitDataVerifier verifier, AccountLogin login, LoginMetrics metrics, Texts texts) {
        this.verifier = verifier;
        this.login = login;
        this.metrics = metrics;
        this.texts = texts;
    }

    record StartRequest(String phone) {
    }

    record CodeRequest(String loginId, String code) {
    }

    record PasswordRequest(String loginId, String password) {
        @Override
        public String toString() {
            return "PasswordRequest[loginId=" + loginId + ", password=***]";
        }
    }

    @PostMapping("/login/start")
    ResponseEntity<?> start(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, @RequestBody StartRequest body) {
        return step(LoginStep.START, authorization, language, user -> login.start(user, body.phone()));
    }

    @PostMapping("/login/code")
    ResponseEntity<?> code(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, @RequestBody CodeRequest body) {
        return step(LoginStep.CODE, authorization, language, user -> login.code(user, body.loginId(), body.code()));
    }

    @PostMapping("/login/password")
    ResponseEntity<?> password(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, @RequestBody PasswordRequest body) {
        return step(LoginStep.PASSWORD, authorization, language, user -> login.password(user, body.loginId(), body.password()));
    }

    /** The page's own texts (keys {@code miniapp.page.*} of the bundles), so they live with the bot's texts. */
    @GetMapping("/texts")
    Map<String, String> pageTexts(@RequestParam(name = "lang", required = false) String lang) {
        Locale locale = Texts.localeOf(lang);
        ResourceBundle bundle = ResourceBundle.getBundle("miniapp", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> result = new TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith("miniapp.")).forEach(k -> result.put(k, texts.get(locale, k)));
        return result;
    }

    private ResponseEntity<?> step(LoginStep step, String authorization, String language,
            Function<InitData, AccountLogin.Progress> action) {
        InitData user;
        try {
            user = verifier.verify(authorization != null && authorization.startsWith(SCHEME)
                    ? authorization.substring(SCHEME.length()) : null);
        } catch (InvalidInitDataException e) {
            metrics.record(step, "init_data_" + e.reason());
            log.warn("Mini App {} refused: initData {} ({})", step.tag(), e.reason(), e.getMessage());
            return problem(HttpStatus.UNAUTHORIZED.value(), "init_data", true, Texts.localeOf(language),
                    texts.get(Texts.localeOf(language), "miniapp.error.init_data"), null);
        }
        Locale locale = AccountLogin.locale(user);
        try {
            return ResponseEntity.ok(action.apply(user));
        } catch (LoginRefused e) {
            String detail = texts.get(locale, "miniapp.error." + e.code(), Long.toString(e.retryAfterSeconds()),
                    e.telegramError() == null ? "" : e.telegramError());
            return problem(e.status(), e.code(), e.restart(), locale, detail, e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : null);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(int status, String code, boolean restart, Locale locale,
            String detail, Long retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("urn:smetabot:miniapp:" + code.replace('_', '-')));
        problem.setProperty("code", code);
        problem.setProperty("restart", restart);
        problem.setProperty("language", locale.getLanguage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            problem.setProperty("retryAfter", retryAfter);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return response.body(problem);
    }
}
