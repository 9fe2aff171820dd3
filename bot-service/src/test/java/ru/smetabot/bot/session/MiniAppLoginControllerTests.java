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
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import ru.smetabot.bot.i18n.Texts;
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
    private final MockMvc mvc;

    MiniAppLoginControllerTests() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        LoginMetrics metrics = new LoginMetrics(meters);
        AccountLogin login = new AccountLogin(userbot, notices, metrics, beans.getBeanProvider(Clock.class));
        InitDataVerifier verifier = new InitDataVerifier(MiniAppInitData.TOKEN, Duration.ofHours(1), clock);
        mvc = MockMvcBuilders.standaloneSetup(new MiniAppLoginController(verifier, login, metrics, new Texts())).build();
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
        when(userbot.submitCode(any())).thenThrow(new UserbotRejectedException(400, UserbotProblems.WRONG_CODE,
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
