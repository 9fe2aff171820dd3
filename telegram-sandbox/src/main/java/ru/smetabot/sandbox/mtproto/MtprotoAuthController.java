package ru.smetabot.sandbox.mtproto;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.faults.Faults;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.updates.Json;

/** Sign-in like auth.sendCode → auth.signIn → auth.checkPassword; the answer mirrors TDLib's states. */
@RestController
@RequestMapping("/sandbox/mtproto/auth")
class MtprotoAuthController {

    private final MtprotoSessions sessions;
    private final Faults faults;
    private final SandboxState state;

    MtprotoAuthController(MtprotoSessions sessions, Faults faults, SandboxState state) {
        this.sessions = sessions;
        this.faults = faults;
        this.state = state;
    }

    record SendCode(String phone) {
    }

    record SignIn(String phone, String phoneCodeHash, String code) {
    }

    record CheckPassword(String phoneCodeHash, String password) {
    }

    @PostMapping("/send-code")
    Map<String, Object> sendCode(@RequestBody SendCode request) {
        faults.apply(Faults.MTPROTO, "sendCode");
        return Json.obj("phone_code_hash", sessions.sendCode(request.phone()), "type", "sandbox",
                "authorization_state", "wait_code");
    }

    @PostMapping("/sign-in")
    Map<String, Object> signIn(@RequestBody SignIn request) {
        faults.apply(Faults.MTPROTO, "signIn");
        return sessions.signIn(request.phone(), request.phoneCodeHash(), request.code())
                .map(this::ready)
                .orElseGet(() -> Json.obj("authorization_state", "wait_password"));
    }

    @PostMapping("/check-password")
    Map<String, Object> checkPassword(@RequestBody CheckPassword request) {
        faults.apply(Faults.MTPROTO, "checkPassword");
        return ready(sessions.checkPassword(request.phoneCodeHash(), request.password()));
    }

    @PostMapping("/log-out")
    Map<String, Object> logOut(@RequestHeader(name = "Authorization", required = false) String authorization) {
        sessions.logOut(authorization);
        return Json.obj("ok", true);
    }

    private Map<String, Object> ready(String session) {
        long userId = sessions.userOf(session);
        return Json.obj("authorization_state", "ready", "session", session,
                "user", MtprotoViews.user(state.locked(() -> state.requireAccount(userId))));
    }
}
