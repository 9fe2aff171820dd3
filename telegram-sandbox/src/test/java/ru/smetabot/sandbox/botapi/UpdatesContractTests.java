package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes;

/** getUpdates semantics: long poll, offset confirmation, limit, allowed_updates, and TelegramBots' poller. */
class UpdatesContractTests {

    private static final long USER = 601L;
    private static final List<String> ALL = List.of("message", "edited_message", "channel_post", "callback_query",
            "chat_join_request", "chat_member", "my_chat_member");

    private SandboxClient sandbox;
    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Olga", "olga");
    }

    @Test
    void idlePollIsHeldOpenUntilTimeout() throws Exception {
        long started = System.nanoTime();
        List<Update> updates = telegram.execute(GetUpdates.builder().timeout(1).build());
        long heldMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(updates).isEmpty();
        assertThat(heldMs).isBetween(500L, 3000L);
    }

    @Test
    void parkedPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        CompletableFuture<List<Update>> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return telegram.execute(GetUpdates.builder().timeout(8).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        long started = System.nanoTime();
        sandbox.sendText(USER, TestSandbox.BOT_ID, "wake up");

        List<Update> updates = poll.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
        assertThat(updates).extracting(u -> u.getMessage().getText()).containsExactly("wake up");
    }

    @Test
    void offsetConfirmsAndLimitCaps() throws Exception {
        for (int i = 1; i <= 3; i++) {
            sandbox.sendText(USER, TestSandbox.BOT_ID, "m" + i);
        }

        List<Update> firstTwo = telegram.execute(GetUpdates.builder().limit(2).build());
        List<Update> again = telegram.execute(GetUpdates.builder().limit(2).build());
        List<Update> rest = telegram.execute(GetUpdates.builder().offset(firstTwo.get(1).getUpdateId() + 1).build());
        List<Update> afterAll = telegram.execute(GetUpdates.builder().offset(rest.get(0).getUpdateId() + 1).build());

        assertThat(firstTwo).extracting(u -> u.getMessage().getText()).containsExactly("m1", "m2");
        assertThat(again).extracting(Update::getUpdateId)
                .containsExactlyElementsOf(firstTwo.stream().map(Update::getUpdateId).toList());
        assertThat(firstTwo.get(1).getUpdateId()).isEqualTo(firstTwo.get(0).getUpdateId() + 1);
        assertThat(rest).extracting(u -> u.getMessage().getText()).containsExactly("m3");
        assertThat(afterAll).isEmpty();
    }

    @Test
    void chatMemberUpdatesAreCreatedOnlyWhenAskedFor() throws Exception {
        SandboxTypes.Channel channel = channelWithBotAdmin();
        String link = InviteLinks.create(telegram, channel.id(), "open", false).getInviteLink();
        confirmAll(List.of());

        sandbox.openInviteLink(USER, link);
        List<Update> byDefault = telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());
        sandbox.createUser(602L, "Petr", "petr");
        sandbox.openInviteLink(602L, link);
        List<Update> whenListed = telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());

        assertThat(byDefault).as("created while chat_member was not asked for: never created").isEmpty();
        assertThat(whenListed).hasSize(1);
        var member = whenListed.get(0).getChatMember();
        assertThat(member.getNewChatMember().getStatus()).isEqualTo("member");
        assertThat(member.getOldChatMember().getStatus()).isEqualTo("left");
        assertThat(member.getNewChatMember().getUser().getId()).isEqualTo(602L);
        assertThat(member.getInviteLink().getInviteLink()).isEqualTo(link);
        assertThat(member.getViaJoinRequest()).isNull();
    }

    @Test
    void allowedUpdatesDecideWhichUpdatesAreCreated() throws Exception {
        telegram.execute(GetUpdates.builder().allowedUpdates(List.of("callback_query")).build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "hello");

        List<Update> onlyCallbacks = telegram.execute(GetUpdates.builder().allowedUpdates(List.of("callback_query"))
                .build());
        List<Update> afterWidening = telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());

        assertThat(onlyCallbacks).isEmpty();
        assertThat(afterWidening).as("widening later does not bring back what was never created").isEmpty();
    }

    @Test
    void updatesCreatedBeforeAllowedUpdatesNarrowedAreStillDelivered() throws Exception {
        telegram.execute(GetUpdates.builder().allowedUpdates(ALL).build());
        sandbox.sendText(USER, TestSandbox.BOT_ID, "sent while messages were allowed");

        List<Update> narrowed = telegram.execute(GetUpdates.builder().allowedUpdates(List.of("callback_query"))
                .build());

        assertThat(narrowed).extracting(u -> u.getMessage().getText())
                .containsExactly("sent while messages were allowed");
    }

    @Test
    void updatesNotFetchedWithin24HoursAreGone() throws Exception {
        sandbox.sendText(USER, TestSandbox.BOT_ID, "old");
        sandbox.advanceClock(Duration.ofHours(24).plusSeconds(1));
        sandbox.sendText(USER, TestSandbox.BOT_ID, "new");

        List<Update> updates = telegram.execute(GetUpdates.builder().build());

        assertThat(updates).extracting(u -> u.getMessage().getText()).containsExactly("new");
    }

    @Test
    void telegramBotsLongPollingReceivesUpdates() throws Exception {
        List<Update> received = new CopyOnWriteArrayList<>();
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            app.registerBot(TestSandbox.TOKEN, TestSandbox::url,
                    offset -> GetUpdates.builder().offset(offset).timeout(2).allowedUpdates(ALL).build(),
                    updates -> received.addAll(updates));
            sandbox.sendText(USER, TestSandbox.BOT_ID, "via poller");

            long deadline = System.currentTimeMillis() + 5000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(received).extracting(u -> u.getMessage().getText()).containsExactly("via poller");
    }

    private SandboxTypes.Channel channelWithBotAdmin() {
        sandbox.createUser(600L, "Owner", "owner");
        SandboxTypes.Channel channel = sandbox.createChannel(600L, "Room");
        sandbox.addAdmin(channel.id(), TestSandbox.BOT_ID);
        return channel;
    }

    /** Confirms everything pending and leaves allowed_updates at {@code allowed} (empty = Telegram's default). */
    private void confirmAll(List<String> allowed) throws Exception {
        List<Update> pending = telegram.execute(GetUpdates.builder().allowedUpdates(allowed).build());
        if (!pending.isEmpty()) {
            telegram.execute(GetUpdates.builder().offset(pending.get(pending.size() - 1).getUpdateId() + 1).build());
        }
    }
}
