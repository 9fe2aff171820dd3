package ru.smetabot.sandbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.state.Channel;
import ru.smetabot.sandbox.state.IdCeilings;
import ru.smetabot.sandbox.state.JoinRequest;
import ru.smetabot.sandbox.state.SandboxState;

/**
 * A link's pending_join_request_count is kept per link as requests come and go, and is right again after the
 * world is saved and loaded (the count itself is not stored; it is rebuilt from the requests).
 */
class PendingJoinRequestCountTests {

    private static final String KITCHEN = "https://t.me/+kitchen";
    private static final String BATH = "https://t.me/+bath";

    @TempDir
    Path dir;

    @Test
    void countsFollowRequestsAndSurviveASaveAndLoad() throws Exception {
        SandboxState state = new SandboxState(IdCeilings.inMemory());
        long[] chatId = new long[1];
        state.locked(() -> {
            Channel channel = state.newChannel(501, "Кухня", 1_700_000_000L);
            chatId[0] = channel.id();
            for (long user = 601; user <= 605; user++) {
                assertThat(channel.addJoinRequest(new JoinRequest(user, 1_700_000_100L, user <= 603 ? KITCHEN : BATH, 0)))
                        .isTrue();
            }
            channel.addJoinRequest(new JoinRequest(606, 1_700_000_100L, null, 0)); // a public channel's request
            assertThat(channel.addJoinRequest(new JoinRequest(601, 1_700_000_200L, KITCHEN, 0)))
                    .as("a second request of the same user is not counted twice").isFalse();
            assertThat(channel.removeJoinRequest(602)).isNotNull();
            assertThat(channel.removeJoinRequest(602)).as("already gone").isNull();
            channel.removeJoinRequest(604);
            channel.removeJoinRequest(606);
            assertThat(channel.pendingJoinRequests(KITCHEN)).isEqualTo(2);
            assertThat(channel.pendingJoinRequests(BATH)).isEqualTo(1);
            assertThat(channel.pendingJoinRequests("https://t.me/+unknown")).isZero();
        });

        JsonMapper mapper = WorldMapper.create(new Blobs(dir.resolve(WorldStore.FILES)));
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("format", WorldStore.FORMAT);
        saved.put("world", state);
        saved.put("parts", Map.of());
        byte[] bytes = state.locked(() -> mapper.writeValueAsBytes(saved));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("pendingByLink");

        SandboxState loaded = new SandboxState(IdCeilings.inMemory());
        loaded.locked(() -> WorldReader.read(mapper, loaded, List.of(), bytes));
        loaded.locked(() -> {
            Channel channel = loaded.requireChannel(chatId[0]);
            assertThat(channel.joinRequests().keySet()).containsExactly(601L, 603L, 605L);
            assertThat(channel.pendingJoinRequests(KITCHEN)).isEqualTo(2);
            assertThat(channel.pendingJoinRequests(BATH)).isEqualTo(1);
            channel.removeJoinRequest(601);
            assertThat(channel.pendingJoinRequests(KITCHEN)).isEqualTo(1);
        });
    }
}
