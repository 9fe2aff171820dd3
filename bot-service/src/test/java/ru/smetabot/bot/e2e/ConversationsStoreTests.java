package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;

/** Conversation steps live in the database: taken once, kept across instances, expired after 30 minutes. */
class ConversationsStoreTests extends BotThroughSandbox {

    @Autowired
    Conversations conversations;

    @Test
    void aPendingDocumentIsTakenByExactlyOneOfManyCallers() throws Exception {
        long user = BotSandbox.newUserId();
        conversations.expect(user, new Step.PendingDocument("file-1", "смета.pdf", "application/pdf", 42L));

        Callable<Optional<Step.PendingDocument>> take = () -> conversations.take(user, Step.PendingDocument.class);
        var pool = Executors.newFixedThreadPool(8);
        List<Future<Optional<Step.PendingDocument>>> results = pool.invokeAll(java.util.Collections.nCopies(8, take));
        pool.shutdown();

        List<Step.PendingDocument> taken = results.stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).flatMap(Optional::stream).toList();
        assertThat(taken).containsExactly(new Step.PendingDocument("file-1", "смета.pdf", "application/pdf", 42L));
        assertThat(conversations.peek(user)).isEmpty();
    }

    @Test
    void aStepOfAnotherKindIsNotTakenAndExpiredStepsAreGone() {
        long user = BotSandbox.newUserId();
        conversations.expect(user, new Step.AwaitingDocument(7L));

        assertThat(conversations.take(user, Step.AwaitingTitle.class)).isEmpty();
        assertThat(conversations.peek(user)).contains(new Step.AwaitingDocument(7L));

        jdbc.sql("UPDATE core.bot_conversations SET expires_at = now() - interval '1 second' WHERE tg_user_id = :u")
                .param("u", user).update();
        assertThat(conversations.take(user, Step.AwaitingDocument.class)).isEmpty();
        assertThat(conversations.purgeExpired()).isPositive();
    }
}
