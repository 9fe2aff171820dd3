package ru.smetabot.sandbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.sandbox.client.SandboxTypes;

/**
 * The world in a data directory: a stop and a start on the same folder keep users, dialogs, channels, posts,
 * views, links, join requests, sessions, files and pending updates, and ids continue; a crash in the middle
 * of a save (a half-written temporary file, a world saved before the last updates) loses no id; a reset
 * clears the stored world.
 */
class WorldPersistenceTests {

    private static final long BOT_ID = 700_101L;
    private static final String TOKEN = BOT_ID + ":persist-test-token";
    private static final long OWNER = 501;
    private static final long CLIENT = 502;
    private static final long APPLICANT = 503;
    private static final String PHONE = "+79990000501";

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataKeepsTheWholeWorld() throws Exception {
        byte[] estimate = "%PDF-1.4 смета".getBytes(StandardCharsets.UTF_8);
        long chatId;
        String session;
        String joinRequestLink;
        String fileId;
        long autoUserBefore;
        List<Integer> pendingIds;
        try (SandboxServer sandbox = start(dataDir, "1h")) {
            SandboxClient tg = sandbox.client();
            tg.createUser(OWNER, "Иван", null, "ivan", PHONE, null);
            tg.createUser(CLIENT, "Пётр", "petr");
            tg.createUser(APPLICANT, "Анна", "anna");
            autoUserBefore = createUserWithoutId(sandbox, "Авто");
            session = tg.mtproto().login(PHONE, "12345", null);
            chatId = tg.mtproto().createChannel(session, "Кухня");
            tg.mtproto().addAdmin(session, chatId, BOT_ID, null);
            tg.postDocumentToChannel(chatId, OWNER, "smeta.pdf", "application/pdf", estimate, "Смета");
            tg.postToChannel(chatId, OWNER, "Привет");
            TelegramClient bot = telegram(sandbox);
            String direct = bot.execute(CreateChatInviteLink.builder().chatId(chatId).name("Прямая").build())
                    .getInviteLink();
            joinRequestLink = bot.execute(CreateChatInviteLink.builder().chatId(chatId).name("Заявки")
                    .createsJoinRequest(true).build()).getInviteLink();
            assertThat(tg.openInviteLink(CLIENT, direct).outcome()).isEqualTo("joined");
            assertThat(tg.readChannel(chatId, CLIENT)).hasSize(2);
            assertThat(tg.openInviteLink(APPLICANT, joinRequestLink).outcome()).isEqualTo("requested");
            tg.sendText(CLIENT, BOT_ID, "/start");
            fileId = tg.sendDocument(CLIENT, BOT_ID, "plan.pdf", "application/pdf", estimate, null).document()
                    .fileId();
            pendingIds = updateIds(bot.execute(GetUpdates.builder().timeout(0).build()));
            assertThat(pendingIds).isNotEmpty();
        }
        assertThat(dataDir.resolve(WorldStore.WORLD)).exists();
        assertThat(dataDir.resolve(CeilingFile.NAME)).as("a clean stop leaves exact counters").doesNotExist();

        try (SandboxServer sandbox = start(dataDir, "1h")) {
            SandboxClient tg = sandbox.client();
            SandboxTypes.Channel channel = tg.channel(chatId);
            assertThat(channel.title()).isEqualTo("Кухня");
            assertThat(channel.postCount()).isEqualTo(2);
            assertThat(channel.admins()).extracting(SandboxTypes.Admin::userId).contains(OWNER, BOT_ID);
            assertThat(channel.members()).anyMatch(m -> m.userId() == CLIENT && m.status().equals("member"));
            assertThat(channel.inviteLinks()).extracting(SandboxTypes.Link::name).contains("Прямая", "Заявки");
            assertThat(channel.joinRequests()).extracting(SandboxTypes.JoinRequest::userId).containsExactly(APPLICANT);
            assertThat(tg.readChannel(chatId, CLIENT)).extracting(SandboxTypes.Message::views)
                    .as("the client's earlier view is kept and not counted again within the cooldown")
                    .containsOnly(1);
            assertThat(tg.mtproto().channels(session)).as("the MTProto session is still signed in")
                    .anyMatch(c -> ((Number) c.get("chat_id")).longValue() == chatId);
            assertThat(tg.readDialog(CLIENT, BOT_ID).messages()).extracting(SandboxTypes.Message::text)
                    .contains("/start");

            TelegramClient bot = telegram(sandbox);
            String path = bot.execute(new GetFile(fileId)).getFilePath();
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + "/file/bot" + TOKEN + "/" + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.body()).as("the file's bytes are back").isEqualTo(estimate);
            List<Integer> redelivered = updateIds(bot.execute(GetUpdates.builder().timeout(0).build()));
            assertThat(redelivered).as("unconfirmed updates are still pending, with their ids")
                    .isEqualTo(pendingIds);
            int last = pendingIds.get(pendingIds.size() - 1);
            tg.sendText(CLIENT, BOT_ID, "after the restart");
            List<Integer> next = updateIds(bot.execute(GetUpdates.builder().offset(last + 1).timeout(0).build()));
            assertThat(next).as("update ids continue without a gap after a clean stop").containsExactly(last + 1);
            assertThat(createUserWithoutId(sandbox, "Новый")).as("a new user never gets an earlier user's id")
                    .isGreaterThan(autoUserBefore);
        }
    }

    @Test
    void aCrashInTheMiddleOfASaveNeitherLosesTheWorldNorReusesIds() throws Exception {
        try (SandboxServer sandbox = start(dataDir, "1h")) {
            sandbox.client().createUser(CLIENT, "Пётр", "petr");
            sandbox.client().sendText(CLIENT, BOT_ID, "before");
        }
        Path crashed = Files.createDirectories(dataDir.resolve("crashed"));
        int lastBeforeCrash;
        try (SandboxServer sandbox = start(dataDir, "1h")) {
            SandboxClient tg = sandbox.client();
            for (int i = 0; i < 3; i++) {
                tg.sendText(CLIENT, BOT_ID, "lost in the crash " + i);
            }
            List<Integer> seen = updateIds(telegram(sandbox).execute(GetUpdates.builder().timeout(0).build()));
            lastBeforeCrash = seen.get(seen.size() - 1);
            // The disk as a crash now would leave it: the world saved before these messages, the id ceilings
            // written while handing out their update ids, and a save cut off half-way.
            copyTree(dataDir, crashed, p -> !p.startsWith(crashed));
            Files.writeString(crashed.resolve(WorldStore.WORLD + DurableFiles.TEMP_SUFFIX), "{\"format\":1,\"wor");
        }
        assertThat(crashed.resolve(CeilingFile.NAME)).exists();

        try (SandboxServer sandbox = start(crashed, "1h")) {
            SandboxClient tg = sandbox.client();
            assertThat(tg.readDialog(CLIENT, BOT_ID).messages()).extracting(SandboxTypes.Message::text)
                    .contains("before").doesNotContain("lost in the crash 0");
            TelegramClient bot = telegram(sandbox);
            List<Integer> old = updateIds(bot.execute(GetUpdates.builder().timeout(0).build()));
            int offset = old.isEmpty() ? 0 : old.get(old.size() - 1) + 1;
            tg.sendText(CLIENT, BOT_ID, "after the crash");
            List<Integer> next = updateIds(bot.execute(GetUpdates.builder().offset(offset).timeout(0).build()));
            assertThat(next).hasSize(1);
            assertThat(next.get(0)).as("no update id handed out before the crash is handed out again")
                    .isGreaterThan(lastBeforeCrash);
        }
        assertThat(crashed.resolve(WorldStore.WORLD + DurableFiles.TEMP_SUFFIX)).doesNotExist();
    }

    @Test
    void changesAreSavedShortlyAfterwardsAndAResetClearsTheStoredWorld() throws Exception {
        try (SandboxServer sandbox = start(dataDir, "50ms")) {
            SandboxClient tg = sandbox.client();
            tg.createUser(CLIENT, "Пётр", "petr");
            tg.sendDocument(CLIENT, BOT_ID, "plan.pdf", "application/pdf", new byte[] {1, 2, 3}, null);
            assertThat(WorldFileWatch.awaitContaining(dataDir.resolve(WorldStore.WORLD), "plan.pdf"))
                    .as("saved without a stop").contains("\"Пётр\"");
            assertThat(blobCount()).isEqualTo(1);

            tg.reset();
            String clean = Files.readString(dataDir.resolve(WorldStore.WORLD));
            assertThat(clean).doesNotContain("Пётр").contains("persist_test_bot");
            assertThat(blobCount()).isZero();
        }
        try (SandboxServer sandbox = start(dataDir, "1h")) {
            SandboxClient tg = sandbox.client();
            tg.createUser(CLIENT, "Пётр", "petr");
            assertThat(tg.sendText(CLIENT, BOT_ID, "/start").text())
                    .as("after the reset the user is new and the configured bot is there").isEqualTo("/start");
            assertThat(tg.readDialog(CLIENT, BOT_ID).messages()).hasSize(1);
        }
    }

    private long blobCount() throws Exception {
        Path files = dataDir.resolve(WorldStore.FILES);
        if (!Files.isDirectory(files)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(files)) {
            return paths.filter(Files::isRegularFile).count();
        }
    }

    private static SandboxServer start(Path dataDir, String saveDelay) {
        return SandboxServer.start(Map.of("sandbox.bots", TOKEN + "=persist_test_bot",
                "sandbox.data-dir", dataDir.toString(), "sandbox.save-delay", saveDelay));
    }

    private static TelegramClient telegram(SandboxServer sandbox) {
        return new OkHttpTelegramClient(TOKEN, TelegramUrl.builder().schema("http").host("localhost")
                .port(sandbox.port()).testServer(false).build());
    }

    private static List<Integer> updateIds(List<Update> updates) {
        return updates.stream().map(Update::getUpdateId).toList();
    }

    /** POST /sandbox/api/users without an id: the sandbox picks the next one. */
    private static long createUserWithoutId(SandboxServer sandbox, String name) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/sandbox/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> include) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(include).sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
