package ru.smetabot.local.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.smetabot.local.LocalSuite;
import ru.smetabot.local.SuiteSettings;
import ru.smetabot.sandbox.client.SandboxTypes;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * Ctrl-C and {@code ./run-local} again (issue 16): the whole suite — sandbox, userbot, worker, bot and the
 * embedded PostgreSQL — stops and starts on the same data folder. Afterwards the bot answers the first message,
 * the room, its file and views, its invite link, its client and the connected account are as they were, and
 * no update the sandbox sends after the restart is taken for one the bot had already handled — also after the
 * sandbox alone is killed (SIGKILL) and started again.
 */
class RestartTests {

    private static final String ROOM = "Сидоров — офис";
    private static final String FILE = "offer.pdf";
    private static final String LINK = "Сидоровы";

    @Test
    void afterAStopAndAStartOnTheSameDataEveryRoomIsAsItWasAndTheBotAnswers(@TempDir Path dataDir)
            throws Exception {
        Map<String, String> env = SharedSuite.environment(dataDir);
        Contractor owner;
        long chatId;
        long client = Suite.newUserId();
        String link;
        long handledBefore;
        Suite first = new Suite(LocalSuite.startQuietly(SuiteSettings.fromEnvironment(env)));
        try {
            owner = Contractor.signUp(first, "Ирина");
            owner.connectAccount();
            chatId = owner.createRoom(ROOM);
            owner.publish(ROOM, FILE);
            link = owner.createLink(ROOM, LINK);
            first.sandbox().createUser(client, "Семён", "Сидоров", "semen" + client, null, null);
            assertThat(first.sandbox().openInviteLink(client, link).outcome()).isEqualTo("requested");
            owner.awaitMessage("вступил(а) по ссылке «" + LINK + "»");
            first.sandbox().readChannel(chatId, client);
            owner.refreshUntil(owner.openCard(ROOM), FILE + " — 👁 1");
            handledBefore = first.queryLong("SELECT max(update_id) FROM core.processed_updates");
        } finally {
            first.local().close();
        }
        assertThat(dataDir.resolve("sandbox").resolve("world.json")).as("the sandbox saved its world").exists();

        Suite second = new Suite(LocalSuite.startQuietly(SuiteSettings.fromEnvironment(env)));
        try {
            Contractor again = owner.in(second);

            // The first message after the restart is answered, with the room, its file and its views.
            Message card = again.openCard(ROOM);
            assertThat(card.text()).contains("Файлов: 1").contains(FILE + " — 👁 1");

            // The client who joined by the link is still a member, in Telegram and on the card.
            SandboxTypes.Channel channel = second.sandbox().channel(chatId);
            assertThat(channel.members()).anyMatch(m -> m.userId() == client && m.status().equals("member"));
            assertThat(channel.inviteLinks()).extracting(SandboxTypes.Link::inviteLink).contains(link);
            assertThat(channel.postCount()).isEqualTo(1);
            assertThat(second.sandbox().readChannel(chatId, client)).extracting(Message::views)
                    .as("the client's view is remembered, not counted again").containsExactly(1);
            again.pressInline(card, "👥 Участники");
            assertThat(again.awaitText(card.messageId(), "Участники канала «" + ROOM + "»").text())
                    .contains("Семён").contains("«" + LINK + "»").contains("✅ в канале");

            // The link still lets people in, and the bot hears about it.
            long newcomer = Suite.newUserId();
            second.sandbox().createUser(newcomer, "Вера", "Сидорова", "vera" + newcomer, null, null);
            assertThat(second.sandbox().openInviteLink(newcomer, link).outcome()).isEqualTo("requested");
            assertThat(again.awaitMessage("Вера").text()).contains("вступил(а) по ссылке «" + LINK + "»");

            // The connected account still works: a new view reaches the card through the userbot.
            second.sandbox().readChannel(chatId, newcomer);
            again.refreshUntil(again.openCard(ROOM), FILE + " — 👁 2");

            // Update ids continued: every new update was handled, none skipped as already seen.
            long handledBeforeCrash = second.queryLong("SELECT max(update_id) FROM core.processed_updates");
            assertThat(handledBeforeCrash).isGreaterThan(handledBefore);
            assertThat(skippedAsDuplicates(second.log("bot")))
                    .as("only redeliveries of updates handled before the stop may be skipped")
                    .allMatch(id -> id <= handledBefore);

            // A crash of the sandbox (SIGKILL: no final save, the last moment's changes may be lost): update ids
            // go on above every id handed out before it, so the bot answers the next message.
            second.local().crashAndRestart("sandbox");
            again.say("/start", "SmetaBot");
            assertThat(second.queryLong("SELECT max(update_id) FROM core.processed_updates"))
                    .isGreaterThan(handledBeforeCrash);
            assertThat(skippedAsDuplicates(second.log("bot")))
                    .as("after the crash only redeliveries of updates handled before it may be skipped")
                    .allMatch(id -> id <= handledBeforeCrash);
        } finally {
            second.local().close();
        }
    }

    private static List<Long> skippedAsDuplicates(String botLog) {
        Matcher skipped = Pattern.compile("Update (\\d+) \\(\\w+\\) was already handled").matcher(botLog);
        List<Long> ids = new ArrayList<>();
        while (skipped.find()) {
            ids.add(Long.parseLong(skipped.group(1)));
        }
        return ids;
    }
}
