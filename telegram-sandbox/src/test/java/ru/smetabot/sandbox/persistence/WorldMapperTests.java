package ru.smetabot.sandbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;

/**
 * The saved form tolerates the state classes changing between versions: a field the file does not have keeps
 * its constructor default, a field the code no longer has is skipped, and files come back from their blobs.
 */
class WorldMapperTests {

    @TempDir
    Path dir;

    @Test
    void anOlderOrNewerFileLoadsWithDefaultsForMissingFieldsAndSkipsUnknownOnes() throws Exception {
        Blobs blobs = new Blobs(dir.resolve(WorldStore.FILES));
        JsonMapper mapper = WorldMapper.create(blobs);
        SandboxState state = new SandboxState(IdCeilings.inMemory());
        byte[] content = "%PDF смета".getBytes(StandardCharsets.UTF_8);
        long[] chatId = new long[1];
        state.locked(() -> {
            Channel channel = state.newChannel(501, "Кухня", 1_700_000_000L);
            chatId[0] = channel.id();
            StoredFile file = state.storeFile("smeta.pdf", "application/pdf", content);
            Message post = new Message(channel.nextMessageId(), channel.id(), 501, 1_700_000_000L, "Смета", file, null,
                    null, false);
            post.view(502, Instant.now(), Duration.ofHours(24));
            channel.posts().put(post.id(), post);
        });
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("format", WorldStore.FORMAT);
        saved.put("world", state);
        saved.put("parts", Map.of());
        String json = new String(state.locked(() -> mapper.writeValueAsBytes(saved)), StandardCharsets.UTF_8);
        blobs.flush();

        // A file from another version: the post lacks lastViews, the channel has a field this code does not know.
        String other = json.replaceFirst("\"lastViews\":\\{[^}]*\\}", "\"lastViews\":null")
                .replace("\"title\":\"Кухня\"", "\"title\":\"Кухня\",\"slowModeDelay\":30");
        assertThat(other).isNotEqualTo(json);
        other = other.replace(",\"lastViews\":null", "");

        SandboxState loaded = new SandboxState(IdCeilings.inMemory());
        byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
        loaded.locked(() -> WorldReader.read(mapper, loaded, List.of(), bytes));

        Channel channel = loaded.locked(() -> loaded.requireChannel(chatId[0]));
        Message post = channel.posts().get(1);
        assertThat(channel.title()).isEqualTo("Кухня");
        assertThat(post.views()).isEqualTo(1);
        assertThat(post.document().content()).isEqualTo(content);
        assertThat(post.view(502, Instant.now(), Duration.ofHours(24)))
                .as("the missing map is the constructor's empty one, so a view counts again").isTrue();
        assertThat(loaded.locked(() -> loaded.file(post.document().fileId()))).isPresent();
    }
}
