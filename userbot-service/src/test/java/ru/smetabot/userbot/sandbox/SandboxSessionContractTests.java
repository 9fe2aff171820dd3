package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.smetabot.userbotapi.AccountRequest;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.SessionStatus;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;

/** /session/* over the sandbox gateway: status, login with code and 2FA (also wrong ones), logout. */
class SandboxSessionContractTests extends SandboxApiTestSupport {

    @Test
    void loginWithWrongCodeThenCodeThenWrongPasswordThenPassword() {
        long account = newUser("secret");

        LoginResponse start = userbot.startLogin(new LoginStartRequest(account, phone(account)));
        assertThat(start.state()).isEqualTo(LoginResponse.State.CODE_REQUIRED);
        assertThat(start.account()).isEqualTo(account);
        assertThat(start.expiresAt()).isNotNull();
        assertThat(userbot.sessionStatus(account).accounts()).singleElement()
                .satisfies(a -> assertThat(a.authorized()).isFalse());

        failure(() -> userbot.submitCode(new LoginCodeRequest(start.loginId(), "00000")), UserbotRejectedException.class, 400, UserbotProblems.WRONG_CODE);
        LoginResponse code = userbot.submitCode(new LoginCodeRequest(start.loginId(), LOGIN_CODE));
        assertThat(code.state()).isEqualTo(LoginResponse.State.PASSWORD_REQUIRED);
        assertThat(code.loginId()).isEqualTo(start.loginId());

        failure(() -> userbot.submitPassword(new LoginPasswordRequest(start.loginId(), "guess")), UserbotRejectedException.class, 400, UserbotProblems.WRONG_CODE);
        LoginResponse ready = userbot.submitPassword(new LoginPasswordRequest(start.loginId(), "secret"));

        assertThat(ready.state()).isEqualTo(LoginResponse.State.READY);
        SessionStatus.Account status = userbot.sessionStatus(account).accounts().get(0);
        assertThat(status.account()).isEqualTo(account);
        assertThat(status.authorized()).isTrue();
        assertThat(status.lastSuccessAt()).isNotNull();
        // The finished login cannot be replayed.
        failure(() -> userbot.submitPassword(new LoginPasswordRequest(start.loginId(), "secret")), UserbotRejectedException.class, 404, UserbotProblems.LOGIN_NOT_FOUND);
    }

    @Test
    void anAccountWithoutTwoStepPasswordIsReadyAfterTheCode() {
        long account = newUser(null);
        LoginResponse start = userbot.startLogin(new LoginStartRequest(account, phone(account)));

        assertThat(userbot.submitCode(new LoginCodeRequest(start.loginId(), LOGIN_CODE)).state()).isEqualTo(LoginResponse.State.READY);
    }

    @Test
    void statusListsEveryAccountAndOneOnRequest() {
        long ready = connectedAccount();
        long waiting = newUser(null);
        userbot.startLogin(new LoginStartRequest(waiting, phone(waiting)));

        assertThat(userbot.sessionStatus(null).accounts())
                .anySatisfy(a -> assertThat(a).extracting(SessionStatus.Account::account, SessionStatus.Account::authorized).containsExactly(ready, true))
                .anySatisfy(a -> assertThat(a).extracting(SessionStatus.Account::account, SessionStatus.Account::authorized).containsExactly(waiting, false));
        assertThat(userbot.sessionStatus(waiting).accounts()).singleElement()
                .satisfies(a -> assertThat(a.authorizationState()).isEqualTo("wait_code"));
    }

    @Test
    void aConnectedAccountIsNotReplacedByANewLogin() {
        long account = connectedAccount();

        failure(() -> userbot.startLogin(new LoginStartRequest(account, phone(account))), UserbotRejectedException.class, 409, UserbotProblems.ALREADY_CONNECTED);
        assertThat(userbot.sessionStatus(account).accounts().get(0).authorized()).isTrue();
    }

    @Test
    void aPhoneTelegramDoesNotKnowIsRejected() {
        failure(() -> userbot.startLogin(new LoginStartRequest(NEXT_UNUSED, "+70000000000")), UserbotRejectedException.class, 422,
                UserbotProblems.LOGIN_REGISTRATION_REQUIRED);
    }

    @Test
    void logoutEndsTheSessionHereAndInTelegram() {
        long account = connectedAccount();
        long chatId = newRoom(account);

        SessionStatus.Account after = userbot.logout(new AccountRequest(account));

        assertThat(after.authorized()).isFalse();
        failure(() -> userbot.memberCount(new ChatRequest(account, chatId)), UserbotRejectedException.class, 404, UserbotProblems.UNKNOWN_ACCOUNT);
        failure(() -> userbot.logout(new AccountRequest(account)), UserbotRejectedException.class, 404, UserbotProblems.UNKNOWN_ACCOUNT);
    }

    private static final long NEXT_UNUSED = 999_999_999L;
}
