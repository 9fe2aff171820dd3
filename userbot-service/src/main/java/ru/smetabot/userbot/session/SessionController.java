package ru.smetabot.userbot.session;

import jakarta.validation.Valid;
import java.util.List;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.userbot.gateway.AccountActivity;
import ru.smetabot.userbot.gateway.TelegramCalls;
import ru.smetabot.userbot.gateway.TelegramException;
import ru.smetabot.userbot.gateway.TelegramGateway;
import ru.smetabot.userbotapi.AccountRequest;
import ru.smetabot.userbotapi.LoginCodeRequest;
import ru.smetabot.userbotapi.LoginPasswordRequest;
import ru.smetabot.userbotapi.LoginResponse;
import ru.smetabot.userbotapi.LoginStartRequest;
import ru.smetabot.userbotapi.SessionStatus;
import ru.smetabot.userbotapi.UserbotApi;

/** /session/*: connect, disconnect, and see every account's state. */
@RestController
class SessionController {

    private final LoginService logins;
    private final TelegramGateway gateway;
    private final TelegramCalls calls;
    private final AccountActivity activity;

    SessionController(LoginService logins, TelegramGateway gateway, TelegramCalls calls, AccountActivity activity) {
        this.logins = logins;
        this.gateway = gateway;
        this.calls = calls;
        this.activity = activity;
    }

    @GetMapping(UserbotApi.SESSION_STATUS)
    SessionStatus status(@RequestParam(required = false) Long account) {
        if (account != null) {
            return new SessionStatus(List.of(accountStatus(account)));
        }
        return new SessionStatus(new TreeSet<>(gateway.accounts()).stream().map(this::accountStatus).toList());
    }

    @PostMapping(UserbotApi.LOGIN_START)
    LoginResponse start(@Valid @RequestBody LoginStartRequest request) {
        return logins.start(request.account(), request.phone());
    }

    @PostMapping(UserbotApi.LOGIN_CODE)
    LoginResponse code(@Valid @RequestBody LoginCodeRequest request) {
        return logins.code(request.loginId(), request.code());
    }

    @PostMapping(UserbotApi.LOGIN_PASSWORD)
    LoginResponse password(@Valid @RequestBody LoginPasswordRequest request) {
        return logins.password(request.loginId(), request.password());
    }

    @PostMapping(UserbotApi.LOGOUT)
    SessionStatus.Account logout(@Valid @RequestBody AccountRequest request) {
        long account = request.account();
        if (!gateway.accounts().contains(account)) {
            throw TelegramException.unknownAccount(account);
        }
        calls.run("logout", account, () -> gateway.logout(account));
        activity.forget(account);
        return accountStatus(account);
    }

    private SessionStatus.Account accountStatus(long account) {
        TelegramGateway.AuthState state = gateway.authState(account);
        AccountActivity.Activity last = activity.of(account);
        return new SessionStatus.Account(account, state.authorized(), state.name(), last.lastSuccessAt(),
                state.error() != null ? state.error() : last.lastError());
    }
}
