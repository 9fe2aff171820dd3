package ru.smetabot.bot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.model.testing.TestPostgres;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginResponse.State;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotFloodWaitException;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;

/** The Mini App's login API with a scripted userbot: who may do what, and what the page is told. */
class MiniAppLoginControllerTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final long ANNA = 501;
    private static final long BORIS = 502;
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(10));

    private final UserbotApi userbot = mock(UserbotApi.class);
    private final AccountNotices notices = mock(AccountNotices.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Login owners live in PostgreSQL (any bot instance may serve the next step): a database for this class. */
    private static JdbcClient db;

    private final MockMvc mvc;
    private final MockMvc otherInstance;

    @BeforeAll
    static void database() {
        DataSource source = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(source).locations("classpath:db/migration").schemas("core", "analytics", "quartz")
                .defaultSchema("core").load().migrate();
        db = JdbcClient.create(source);
    }

    MiniAppLoginControllerTests() {
        db.sql("DELETE FROM core.mini_app_logins").update();
        mvc = instance();
        otherInstance = instance();
    }

    /** One bot instance's login API; all share the userbot, the notices and the database. */
    private MockMvc instance() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        LoginMetrics metrics = new LoginMetrics(meters);
        AccountLogin login = new AccountLogin(userbot, notices, metrics, beans.getBeanProvider(Clock.class),
                new LoginOwners(db));
        InitDataVerifier verifier = new InitDataVerifier(MiniAppInitData.TOKEN, Duration.ofHours(1), clock);
        LoginRateLimits limits = new LoginRateLimits(new LoginLimits(5, 3, Duration.ofMinutes(10)));
        return MockMvcBuilders.standaloneSetup(new MiniAppLoginController(verifier, login, metrics, new Texts(), limits)).build();
    }

    @Test
    void aLoginStartedOnOneInstanceIsContinuedOnAnotherOnlyByItsOwner() throws Exception {
        when(userbot.startLogin(any())).thenReturn(new LoginResponse("L7", State.CODE_REQUIRED, ANNA, EXPIRES));
        when(userbot.submitCode(any())).thenReturn(new LoginResponse("L7", State.READY, ANNA, null));
        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isOk());

        otherInstance.perform(post("/miniapp/api/login/code").header("Authorization", "tma " + boris())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"loginId\":\"L7\",\"code\":\"12345\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("not_your_login"));
        otherInstance.perform(post("/miniapp/api/login/code").header("Authorization", "tma " + anna())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"loginId\":\"L7\",\"code\":\"12345\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ready"));

        verify(userbot, times(1)).submitCode(any());
        assertThat(db.sql("SELECT count(*) FROM core.mini_app_logins").query(Long.class).single())
                .as("a finished login is forgotten").isZero();
    }

    @Test
    void forgedOrStaleInitDataIsRefusedWithoutCallingTheUserbot() throws Exception {
        String forged = MiniAppInitData.of(ANNA, "anna", NOW, "7200001:someone-elses-bot");
        String stale = MiniAppInitData.of(ANNA, "anna", NOW.minus(Duration.ofHours(2)));

        step("start", forged, "{\"phone\":\"+79990000501\"}").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("init_data"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Страница открыта не из Telegram")));
        step("start", stale, "{\"phone\":\"+79990000501\"}").andExpect(status().isUnauthorized());
        step("code", stale, "{\"loginId\":\"L1\",\"code\":\"12345\"}").andExpect(status().isUnauthorized());
        step("password", forged, "{\"loginId\":\"L1\",\"password\":\"x\"}").andExpect(status().isUnauthorized());
        mvc.perform(post("/miniapp/api/login/start").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"+7999\"}"))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(userbot);
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", "init_data_forged").count()).isEqualTo(1);
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", "init_data_stale").count()).isEqualTo(1);
    }

    @Test
    void theLoginIsAlwaysForTheUserInInitDataWhateverThePageSends() throws Exception {
        when(userbot.startLogin(any())).thenReturn(new LoginResponse("L1", State.CODE_REQUIRED, ANNA, EXPIRES));

        step("start", anna(), "{\"phone\":\"+7 999 000-05-01\",\"account\":" + BORIS + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("code_required"))
                .andExpect(jsonPath("$.loginId").value("L1"));

        ArgumentCaptor<LoginStartRequest> request = ArgumentCaptor.forClass(LoginStartRequest.class);
        verify(userbot).startLogin(request.capture());
        assertThat(request.getValue().account()).isEqualTo(ANNA);
        assertThat(request.getValue().phone()).isEqualTo("+79990000501");
    }

    @Test
    void aUserCannotContinueAnotherUsersLogin() throws Exception {
        when(userbot.startLogin(any())).thenReturn(new LoginResponse("L1", State.CODE_REQUIRED, ANNA, EXPIRES));
        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isOk());

        step("code", boris(), "{\"loginId\":\"L1\",\"code\":\"12345\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not_your_login")).andExpect(jsonPath("$.restart").value(true));
        step("password", boris(), "{\"loginId\":\"L1\",\"password\":\"secret\"}").andExpect(status().isForbidden());
        step("code", boris(), "{\"loginId\":\"unknown\",\"code\":\"12345\"}").andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("login_expired"));

        verify(userbot, never()).submitCode(any());
        verify(userbot, never()).submitPassword(any());
        verifyNoInteractions(notices);
    }

    @Test
    void aWrongCodeThreeTimesGivesAReadableErrorAndTheRightCodeStillWorks() throws Exception {
        UserbotRejectedException wrong = new UserbotRejectedException(400, UserbotProblems.WRONG_CODE,
                "Telegram signIn failed: 400 PHONE_CODE_INVALID");
        when(userbot.startLogin(any())).thenReturn(new LoginResponse("L1", State.CODE_REQUIRED, ANNA, EXPIRES));
        when(userbot.submitCode(any())).thenThrow(wrong, wrong, wrong)
                .thenReturn(new LoginResponse("L1", State.PASSWORD_REQUIRED, ANNA, EXPIRES));
        when(userbot.submitPassword(any())).thenReturn(new LoginResponse("L1", State.READY, ANNA, null));
        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isOk());

        for (int i = 0; i < 3; i++) {
            step("code", anna(), "{\"loginId\":\"L1\",\"code\":\"1111" + i + "\"}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("wrong_code")).andExpect(jsonPath("$.restart").value(false))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Неверный код.")));
        }
        step("code", anna(), "{\"loginId\":\"L1\",\"code\":\"12345\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("password_required"));
        step("password", anna(), "{\"loginId\":\"L1\",\"password\":\"secret\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ready")).andExpect(jsonPath("$.account").value("@anna"));

        verify(userbot, times(4)).submitCode(any(LoginCodeRequest.class));
        verify(userbot).submitPassword(new LoginPasswordRequest("L1", "secret"));
        verify(notices).connected(any(InitData.class));
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "code", "outcome", "wrong_code").count()).isEqualTo(3);
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "password", "outcome", "ready").count()).isEqualTo(1);
    }

    @Test
    void floodWaitExpiredCodeAndWrongPasswordAreToldApart() throws Exception {
        when(userbot.startLogin(any())).thenThrow(new UserbotFloodWaitException(Duration.ofSeconds(42), "FLOOD_WAIT_42"))
                .thenReturn(new LoginResponse("L2", State.CODE_REQUIRED, ANNA, EXPIRES));
        when(userbot.submitCode(any())).thenThrow(new UserbotRejectedException(400, UserbotProblems.CODE_EXPIRED,
                        "Telegram signIn failed: 400 PHONE_CODE_EXPIRED"))
                .thenReturn(new LoginResponse("L2", State.PASSWORD_REQUIRED, ANNA, EXPIRES));
        when(userbot.submitPassword(any())).thenThrow(new UserbotRejectedException(400, UserbotProblems.WRONG_CODE,
                "Telegram checkPassword failed: 400 PASSWORD_HASH_INVALID"));

        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "42")).andExpect(jsonPath("$.retryAfter").value(42))
                .andExpect(jsonPath("$.detail").value("Telegram просит подождать 42 с перед следующей попыткой."));
        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isOk());
        step("code", anna(), "{\"loginId\":\"L2\",\"code\":\"12345\"}").andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("code_expired")).andExpect(jsonPath("$.restart").value(true));
        step("code", anna(), "{\"loginId\":\"L2\",\"code\":\"12345\"}").andExpect(status().isOk());
        step("password", anna(), "{\"loginId\":\"L2\",\"password\":\"bad\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("wrong_password")).andExpect(jsonPath("$.restart").value(false));
    }

    @Test
    void loginFailuresAreToldApartByProblemTypeNotByTheirEnglishSentences() throws Exception {
        // The details are worded unlike anything LoginFailures once matched ("already connected", "belongs to", "EXPIRED").
        when(userbot.startLogin(any()))
                .thenThrow(new UserbotRejectedException(409, UserbotProblems.ALREADY_CONNECTED, "Konto schon verbunden"))
                .thenThrow(new UserbotRejectedException(409, UserbotProblems.OTHER_ACCOUNT, "andere Person"))
                .thenThrow(new UserbotRejectedException(400, UserbotProblems.CODE_EXPIRED, "zu spät"))
                .thenThrow(new UserbotRejectedException(409, UserbotProblems.LOGIN_CONFLICT, "already connected, belongs to"));

        step("start", anna(), "{\"phone\":\"+79990000511\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already_connected")).andExpect(jsonPath("$.restart").value(false));
        step("start", anna(), "{\"phone\":\"+79990000512\"}").andExpect(jsonPath("$.code").value("other_account"));
        step("start", anna(), "{\"phone\":\"+79990000513\"}").andExpect(jsonPath("$.code").value("code_expired"));
        step("start", anna(), "{\"phone\":\"+79990000514\"}").andExpect(jsonPath("$.code").value("login_expired"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "login-email-address-required, email_required, почту для входа",
        "login-email-code-required, email_code_required, код на почту",
        "login-other-device-confirmation-required, other_device_required, на другом устройстве",
        "login-registration-required, registration_required, нет аккаунта Telegram",
        "login-premium-purchase-required, premium_required, Telegram Premium"})
    void aLoginStepThisServiceCannotTakeEndsWithAnActionableMessageAtOnce(String type, String code, String text) throws Exception {
        when(userbot.startLogin(any())).thenThrow(new UserbotRejectedException(422,
                java.net.URI.create("urn:smetabot:userbot:" + type), "login reached a state"));

        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value(code)).andExpect(jsonPath("$.restart").value(true))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(text)));
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", code).count()).isEqualTo(1);
    }

    @Test
    void anUnusableSessionIsToldAsSuchNotAsAWrongPhone() throws Exception {
        when(userbot.startLogin(any())).thenThrow(new ru.smetabot.userbotapi.UserbotUnavailableException(503,
                UserbotProblems.SESSION_UNUSABLE, "401 Wrong database encryption key", null));

        step("start", anna(), "{\"phone\":\"+79990000501\"}").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("session_unusable"));
    }

    @Test
    void initDataIsCheckedBeforeTheBodyIsRead() throws Exception {
        String forged = MiniAppInitData.of(ANNA, "anna", NOW, "7200001:someone-elses-bot");

        // A body that does not even parse: reading it first would answer 400, not 401.
        step("start", forged, "{\"phone\": ").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("init_data"));
        step("code", forged, "x".repeat(MiniAppLoginController.MAX_BODY_BYTES * 4)).andExpect(status().isUnauthorized());

        verifyNoInteractions(userbot);
    }

    @Test
    void aBodyOverTheLimitOrNotJsonIsRefusedWithoutCallingTheUserbot() throws Exception {
        String phone = "+7" + "9".repeat(MiniAppLoginController.MAX_BODY_BYTES);

        step("start", anna(), "{\"phone\":\"" + phone + "\"}").andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("too_large"));

        step("start", anna(), "null").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid"));
        step("code", anna(), "{\"loginId\":").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid"));

        verifyNoInteractions(userbot);
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", "body_too_large").count()).isEqualTo(1);
    }

    @Test
    void loginStartsAreRateLimitedPerTelegramUserWith429AndRetryAfter() throws Exception {
        when(userbot.startLogin(any())).thenReturn(new LoginResponse("L1", State.CODE_REQUIRED, ANNA, EXPIRES));
        for (int i = 0; i < 5; i++) {
            step("start", anna(), "{\"phone\":\"+7999000050" + i + "\"}").andExpect(status().isOk());
        }

        step("start", anna(), "{\"phone\":\"+79990000509\"}").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.code").value("rate_limited"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Слишком много попыток входа")));

        verify(userbot, times(5)).startLogin(any());
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", "rate_limited_user").count()).isEqualTo(1);
    }

    @Test
    void loginStartsAreRateLimitedPerPhoneWhoeverAsks() throws Exception {
        when(userbot.startLogin(any())).thenAnswer(call -> new LoginResponse("L1", State.CODE_REQUIRED,
                call.getArgument(0, LoginStartRequest.class).account(), EXPIRES));
        for (long user = 601; user <= 603; user++) {
            step("start", MiniAppInitData.of(user, "u" + user, NOW.minusSeconds(5)), "{\"phone\":\"+7 999 000-05-01\"}")
                    .andExpect(status().isOk());
        }

        step("start", MiniAppInitData.of(604, "u604", NOW.minusSeconds(5)), "{\"phone\":\"79990000501\"}")
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("rate_limited"));

        verify(userbot, times(3)).startLogin(any());
        assertThat(meters.counter("smetabot.bot.account.logins", "step", "start", "outcome", "rate_limited_phone").count()).isEqualTo(1);
    }

    @Test
    void thePageTextsComeFromTheBundlesInTheUsersLanguage() throws Exception {
        mvc.perform(get("/miniapp/api/texts").param("lang", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$['miniapp.page.start_over']").value("Start over"));
        mvc.perform(get("/miniapp/api/texts").param("lang", "ru")).andExpect(status().isOk())
                .andExpect(jsonPath("$['miniapp.page.start_over']").value("Начать заново"));
    }

    private static String anna() {
        return MiniAppInitData.of(ANNA, "anna", NOW.minusSeconds(5));
    }

    private static String boris() {
        return MiniAppInitData.of(BORIS, "boris", NOW.minusSeconds(5));
    }

    private ResultActions step(String path, String initData, String body) throws Exception {
        return mvc.perform(post("/miniapp/api/login/" + path).header("Authorization", "tma " + initData)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
