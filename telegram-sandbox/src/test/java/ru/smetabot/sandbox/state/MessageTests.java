package ru.smetabot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** View counting and edit detection on a single message. */
class MessageTests {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aViewerCountsOncePerCooldown() {
        Message post = new Message(1, -100L, 5L, 0, "file", null, null);

        post.view(7L, t0, Duration.ofHours(24));
        post.view(7L, t0.plus(Duration.ofHours(23)), Duration.ofHours(24));
        post.view(8L, t0, Duration.ofHours(24));
        post.view(7L, t0.plus(Duration.ofHours(24)), Duration.ofHours(24));

        assertThat(post.views()).isEqualTo(3);
    }

    @Test
    void identicalEditIsRefusedAndRealEditIsCounted() {
        Map<String, Object> markup = Map.of("inline_keyboard", java.util.List.of());
        Message m = new Message(1, 5L, 9L, 0, "a", null, markup);

        assertThat(m.edit("a", markup, 10)).isFalse();
        assertThat(m.edit("b", markup, 11)).isTrue();
        assertThat(m.editCount()).isEqualTo(1);
        assertThat(m.editDate()).isEqualTo(11);
    }
}
