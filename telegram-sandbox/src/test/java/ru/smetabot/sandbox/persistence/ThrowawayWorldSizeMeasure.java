package ru.smetabot.sandbox.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.Dialog;
import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.InviteLink;
import ru.smetabot.sandbox.state.Membership;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;

/** THROWAWAY (not committed): writes a realistic world for measuring the load time of the real jar. */
class ThrowawayWorldSizeMeasure {

    @Test
    void writeWorld() throws Exception {
        Path dir = Path.of(System.getProperty("measure.dir", "/tmp/durable-measure/data"));
        Files.createDirectories(dir);
        SandboxState state = new SandboxState(IdCeilings.inMemory());
        long bot = 7000000001L;
        state.locked(() -> {
            state.putAccount(new Account(bot, true, "bot", null, "smetabot_local_bot", null,
                    "7000000001:LOCAL-sandbox-bot-token", null, null));
            for (int u = 0; u < 1000; u++) {
                long id = state.newUserId();
                state.putAccount(new Account(id, false, "Пользователь" + u, "Фамилия", "user" + u, "ru", null,
                        "+7999" + id, null));
                Dialog d = state.openDialog(bot, id);
                for (int m = 0; m < 10; m++) {
                    d.add(m % 2 == 0 ? id : bot, 1_700_000_000L + m, "Сообщение номер " + m + " — текст ответа бота",
                            null, Map.of("inline_keyboard", java.util.List.of(java.util.List.of(
                                    Map.of("text", "📂 Канал", "callback_data", "room:" + m)))));
                }
            }
            StoredFile[] files = new StoredFile[100];
            for (int f = 0; f < files.length; f++) {
                byte[] content = new byte[50_000];
                new java.util.Random(f).nextBytes(content);
                files[f] = state.storeFile("file" + f + ".pdf", "application/pdf", content);
            }
            Instant now = Instant.now();
            for (int c = 0; c < 100; c++) {
                long owner = 100_000_001L + c;
                Channel ch = state.newChannel(owner, "Канал " + c, 1_700_000_000L);
                ch.admins().put(bot, ru.smetabot.sandbox.state.AdminRights.all());
                InviteLink link = new InviteLink("https://t.me/+abc" + c, bot, false);
                link.update("Ссылка " + c, null, null, true);
                ch.links().put(link.link(), link);
                for (int m = 0; m < 10; m++) {
                    ch.members().put(100_000_101L + c * 5 + m, new Membership(Membership.Status.MEMBER,
                            1_700_000_000L, link.link()));
                }
                for (int p = 0; p < 100; p++) {
                    Message post = new Message(ch.nextMessageId(), ch.id(), owner, 1_700_000_000L + p,
                            "Пост " + p, files[(c + p) % files.length], null, null, false);
                    for (int v = 0; v < 5; v++) {
                        post.view(100_000_101L + c * 5 + v, now, Duration.ofHours(24));
                    }
                    ch.posts().put(post.id(), post);
                }
            }
        });
        Blobs blobs = new Blobs(dir.resolve(WorldStore.FILES));
        JsonMapper mapper = WorldMapper.create(blobs);
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("format", WorldStore.FORMAT);
            saved.put("world", state);
            saved.put("parts", Map.of());
            byte[] bytes = state.locked(() -> mapper.writeValueAsBytes(saved));
            long serialized = System.nanoTime();
            blobs.flush();
            DurableFiles.write(dir.resolve(WorldStore.WORLD), bytes);
            System.out.printf("MEASURE save round %d: %d bytes, serialize %d ms, write %d ms%n", round, bytes.length,
                    (serialized - t) / 1_000_000, (System.nanoTime() - serialized) / 1_000_000);
        }
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            SandboxState loaded = new SandboxState(IdCeilings.inMemory());
            byte[] bytes = Files.readAllBytes(dir.resolve(WorldStore.WORLD));
            tools.jackson.databind.JsonNode root = mapper.readTree(bytes);
            loaded.locked(() -> mapper.readerForUpdating(loaded).readValue(root.path("world")));
            blobs.loaded();
            System.out.printf("MEASURE load round %d: %d ms, %d accounts, %d channels, %d posts%n", round,
                    (System.nanoTime() - t) / 1_000_000, loaded.locked(() -> loaded.accounts().size()),
                    loaded.locked(() -> loaded.channels().size()),
                    loaded.locked(() -> loaded.channels().stream().mapToInt(ch -> ch.posts().size()).sum()));
        }
    }
}
