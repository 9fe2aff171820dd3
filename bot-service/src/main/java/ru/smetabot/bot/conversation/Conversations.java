package ru.smetabot.bot.conversation;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current {@link Step} per Telegram user, in {@code core.bot_conversations}: it survives a
 * restart and is shared by every bot instance. {@link #take} is one {@code DELETE … RETURNING}, so
 * two identical updates (a double tap, a resent title) cannot both act on the same step.
 */
@Component
public class Conversations {

    static final Duration EXPIRY = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final StepCodec codec;

    public Conversations(JdbcClient jdbc, StepCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    public void expect(long tgUserId, Step step) {
        jdbc.sql("""
                INSERT INTO core.bot_conversations (tg_user_id, step, payload, expires_at, updated_at)
                VALUES (:user, :step, CAST(:payload AS jsonb), now() + make_interval(secs => :ttl), now())
                ON CONFLICT (tg_user_id) DO UPDATE SET step = EXCLUDED.step, payload = EXCLUDED.payload,
                    expires_at = EXCLUDED.expires_at, updated_at = now()
                """)
                .param("user", tgUserId).param("step", StepCodec.name(step)).param("payload", codec.payload(step))
                .param("ttl", (double) EXPIRY.toSeconds())
                .update();
    }

    public void clear(long tgUserId) {
        jdbc.sql("DELETE FROM core.bot_conversations WHERE tg_user_id = :user").param("user", tgUserId).update();
    }

    public Optional<Step> peek(long tgUserId) {
        return jdbc.sql("SELECT step, payload::text AS payload FROM core.bot_conversations WHERE tg_user_id = :user AND expires_at > now()")
                .param("user", tgUserId)
                .query((rs, n) -> codec.step(rs.getString("step"), rs.getString("payload")))
                .optional();
    }

    /** Removes and returns the step when it is of {@code type} and not expired; at most one caller gets it. */
    public <T extends Step> Optional<T> take(long tgUserId, Class<T> type) {
        return jdbc.sql("""
                DELETE FROM core.bot_conversations WHERE tg_user_id = :user AND step = :step AND expires_at > now()
                RETURNING step, payload::text AS payload
                """)
                .param("user", tgUserId).param("step", StepCodec.name(type))
                .query((rs, n) -> codec.step(rs.getString("step"), rs.getString("payload")))
                .optional()
                .map(type::cast);
    }

    /** Drops expired steps; returns how many. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT30M")
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM core.bot_conversations WHERE expires_at <= now()").update();
    }

}
