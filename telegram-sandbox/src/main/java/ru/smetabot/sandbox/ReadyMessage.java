package ru.smetabot.sandbox;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.accounts.AccountService;
import ru.smetabot.sandbox.state.Account;

/** Tells the person who started the sandbox where to click and which bots exist. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final AccountService accounts;

    ReadyMessage(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String bots = accounts.all().stream().filter(Account::bot).map(b -> "@" + b.username())
                .collect(Collectors.joining(", "));
        log.info("Telegram sandbox ready: open http://localhost:{}/ (Bot API at http://localhost:{}/bot<token>/, "
                + "bots: {})", port, port, bots.isEmpty() ? "none yet" : bots);
    }
}
