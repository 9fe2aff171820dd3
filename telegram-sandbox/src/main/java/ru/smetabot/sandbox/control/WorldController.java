package ru.smetabot.sandbox.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.accounts.AccountService;
import ru.smetabot.sandbox.accounts.AccountService.NewUser;
import ru.smetabot.sandbox.control.Views.AccountView;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.updates.Json;

/** Reset, the clock, users and bots. */
@RestController
@RequestMapping("/sandbox/api")
class WorldController {

    private final SandboxReset reset;
    private final SandboxClock clock;
    private final AccountService accounts;

    WorldController(SandboxReset reset, SandboxClock clock, AccountService accounts) {
        this.reset = reset;
        this.clock = clock;
        this.accounts = accounts;
    }

    record Advance(long seconds) {
    }

    record NewBot(String token, String username, String firstName) {
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        reset.reset();
        return Json.obj("ok", true);
    }

    @GetMapping("/clock")
    Map<String, Object> clock() {
        return Json.obj("now", clock.epochSeconds());
    }

    /** Moves the sandbox clock forward (link expiry, view cooldown, sign-in code lifetime). */
    @PostMapping("/clock/advance")
    Map<String, Object> advance(@RequestBody Advance advance) {
        clock.advance(Duration.ofSeconds(advance.seconds()));
        return clock();
    }

    @PostMapping("/users")
    AccountView createUser(@RequestBody NewUser user) {
        return Views.account(accounts.createUser(user));
    }

    @GetMapping("/users")
    List<AccountView> users() {
        return accounts.all().stream().filter(a -> !a.bot()).map(Views::account).toList();
    }

    @PostMapping("/bots")
    AccountView createBot(@RequestBody NewBot bot) {
        return Views.account(accounts.createBot(bot.token(), bot.username(), bot.firstName()));
    }

    @GetMapping("/bots")
    List<AccountView> bots() {
        return accounts.all().stream().filter(a -> a.bot()).map(Views::account).toList();
    }
}
