package ru.smetabot.bot.session;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.bot.i18n.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Mini App's API. Every step carries the page's initData ({@code Authorization: tma <initData>}) and
 * is verified before anything else, the body included: forged or stale → 401, nothing read, the userbot not
 * called. Bodies are bounded; login starts are limited per Telegram user and per phone ({@link LoginRateLimits}). The account is
 * the verified user; the page's fields are only the phone, the code, the password and the loginId.
 */
@RestController
@RequestMapping("/miniapp/api")
class MiniAppLoginController {

    private static final Logger log = LoggerFactory.getLogger(MiniAppLoginController.class);
    private static final String SCHEME = "tma ";

    /** Far above what the page sends (a phone, a code, a password up to 256 characters and a loginId). */
    static final int MAX_BODY_BYTES = 4096;

    private final InitDataVerifier verifier;
    private final AccountLogin login;
    private final LoginMetrics metrics;
    private final Texts texts;
    private final LoginRateLimits limits;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    MiniAppLoginController(InitDataVerifier verifier, AccountLogin login, LoginMetrics metrics, Texts texts, LoginRateLimits limits) {
        this.verifier = verifier;
        this.login = login;
        this.metrics = metrics;
        this.texts = texts;
        this.limits = limits;
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
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, HttpServletRequest request) {
        return step(LoginStep.START, authorization, language, request, StartRequest.class, (user, body) -> {
            String digits = AccountLogin.digits(body.phone());
            if (AccountLogin.plausiblePhone(digits)) {
                limits.phone(digits.replaceFirst("^\\+", "")).ifPresent(wait -> refuseOverLimit("phone", user, wait));
            }
            return login.start(user, body.phone());
        });
    }

    @PostMapping("/login/code")
    ResponseEntity<?> code(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, HttpServletRequest request) {
        return step(LoginStep.CODE, authorization, language, request, CodeRequest.class,
                (user, body) -> login.code(user, body.loginId(), body.code()));
    }

    @PostMapping("/login/password")
    ResponseEntity<?> password(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language, HttpServletRequest request) {
        return step(LoginStep.PASSWORD, authorization, language, request, PasswordRequest.class,
                (user, body) -> login.password(user, body.loginId(), body.password()));
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

    /**
     * One step, in this order: initData is verified (nothing of the body is read before), a login start is
     * counted against the user's limit, then the body is read, at most {@value #MAX_BODY_BYTES} bytes.
     */
    private <T> ResponseEntity<?> step(LoginStep step, String authorization, String language, HttpServletRequest request,
            Class<T> bodyType, BiFunction<InitData, T, AccountLogin.Progress> action) {
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
            if (step == LoginStep.START) {
                limits.user(user.userId()).ifPresent(wait -> refuseOverLimit("user", user, wait));
            }
            return ResponseEntity.ok(action.apply(user, body(step, user, request, bodyType)));
        } catch (LoginRefused e) {
            String detail = texts.get(locale, "miniapp.error." + e.code(), Long.toString(e.retryAfterSeconds()),
                    e.telegramError() == null ? "" : e.telegramError());
            return problem(e.status(), e.code(), e.restart(), locale, detail, e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : null);
        }
    }

    private void refuseOverLimit(String per, InitData user, long waitSeconds) {
        metrics.record(LoginStep.START, "rate_limited_" + per);
        log.warn("Mini App login start refused for user {}: over the per-{} limit (BOT_LOGIN_STARTS_PER_{}), next in {} s",
                user.userId(), per, per.toUpperCase(Locale.ROOT), waitSeconds);
        throw new LoginRefused(429, "rate_limited", false, waitSeconds, null);
    }

    /** The JSON body, read only now and only up to the limit (the page sends a few dozen bytes). */
    private <T> T body(LoginStep step, InitData user, HttpServletRequest request, Class<T> type) {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = request.getContentLengthLong() > MAX_BODY_BYTES ? null : in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw LoginRefused.of(400, "invalid", true);
        }
        if (bytes == null || bytes.length > MAX_BODY_BYTES) {
            metrics.record(step, "body_too_large");
            log.warn("Mini App {} of user {} refused: body over {} bytes", step.tag(), user.userId(), MAX_BODY_BYTES);
            throw LoginRefused.of(413, "too_large", true);
        }
        T value;
        try {
            value = json.readValue(bytes, type);
        } catch (JacksonException e) {
            value = null;
        }
        if (value == null) {
            metrics.record(step, "malformed");
            throw LoginRefused.of(400, "invalid", true);
        }
        return value;
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
