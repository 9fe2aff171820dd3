package ru.smetabot.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;

/** Faults switched on through the control API, seen through TelegramBots and the MTProto side. */
class FaultsTests {

    private static final long USER = 950L;

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Fedor", null, "fedor", "+79990000950", null);
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
    }

    @Test
    void floodWaitIsA429WithRetryAfterAndEndsAfterItsCount() throws Exception {
        sandbox.addFault("sendMessage", "FLOOD_WAIT", 17, null, 1);

        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(USER).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(17);
                    assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 17");
                });
        assertThat(telegram.execute(SendMessage.builder().chatId(USER).text("hi").build()).getText()).isEqualTo("hi");
        assertThat(sandbox.faults()).isEmpty();
    }

    @Test
    void outageIs503InTheErrorShapeUntilSwitchedOff() throws Exception {
        var fault = sandbox.addFault("botapi:*", "OUTAGE", null, null, null);

        assertThatThrownBy(() -> telegram.execute(new GetMe()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(503));
        assertThat(sandbox.faults()).extracting(f -> f.id()).containsExactly(fault.id());
        sandbox.clearFaults();
        assertThat(telegram.execute(new GetMe()).getId()).isEqualTo(TestSandbox.BOT_ID);
    }

    @Test
    void latencyDelaysTheCall() throws Exception {
        sandbox.addFault("getMe", "LATENCY", null, 400, null);

        long started = System.nanoTime();
        telegram.execute(new GetMe());

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(400);
    }

    @Test
    void holdKeepsTheCallsAboutItsChatWaitingUntilSwitchedOff() throws Exception {
        String session = sandbox.mtproto().login("+79990000950", "12345", null);
        long held = sandbox.mtproto().createChannel(session, "Held");
        long other = sandbox.mtproto().createChannel(session, "Other");
        var fault = sandbox.holdCalls("mtproto:getViews", held, 1, 30);

        var call = CompletableFuture.supplyAsync(() -> sandbox.mtproto().views(session, held, List.of(1)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.fault(fault.id()).held() == 1);
        assertThat(sandbox.mtproto().views(session, other, List.of(1)).missing()).as("another chat").containsExactly(1);
        assertThat(call).isNotDone();

        sandbox.removeFault(fault.id());
        assertThat(call.get(10, TimeUnit.SECONDS).missing()).containsExactly(1);
        assertThat(sandbox.faults()).isEmpty();
    }

    @Test
    void mtprotoFloodWaitIs420WithItsName() {
        String session = sandbox.mtproto().login("+79990000950", "12345", null);
        sandbox.addFault("mtproto:createChannel", "FLOOD_WAIT", 30, null, null);

        assertThatThrownBy(() -> sandbox.mtproto().createChannel(session, "Room"))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(420);
                    assertThat(e.body()).contains("\"error_message\":\"FLOOD_WAIT_30\"");
                });
    }
}
