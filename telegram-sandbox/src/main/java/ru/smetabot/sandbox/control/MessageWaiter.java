package ru.smetabot.sandbox.control;

import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.control.Views.MessageView;
import ru.smetabot.sandbox.state.CallbackQuery;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxState;

/** Polls a dialog until the bot has written (or edited) a matching message: a test's "wait for the reply". */
@Component
class MessageWaiter {

    private static final long STEP_MS = 25;
    /** Finer for edits: the times come from the edit itself, the step only delays the caller's next tap. */
    private static final long EDIT_STEP_MS = 5;

    private final SandboxState state;

    MessageWaiter(SandboxState state) {
        this.state = state;
    }

    Optional<MessageView> await(long userId, long botId, String textContains, int afterMessageId, boolean edited,
                                long timeoutMs) {
        long deadline = System.currentTimeMillis() + Math.min(timeoutMs, 120_000);
        while (true) {
            Optional<MessageView> found = state.locked(() -> state.dialog(botId, userId)
                    .flatMap(d -> d.messages().values().stream()
                            .filter(m -> m.senderId() == botId && m.id() > afterMessageId)
                            .filter(m -> !edited || m.editCount() > 0)
                            .filter(m -> matches(m, textContains))
                            .findFirst())
                    .map(m -> Views.message(m, userId, false)));
            if (found.isPresent() || System.currentTimeMillis() >= deadline) {
                return found;
            }
            try {
                Thread.sleep(STEP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Waits until the message a button was pressed on has been edited since the press. */
    Optional<Message> awaitEdit(CallbackQuery query, long timeoutMs) {
        long deadline = System.currentTimeMillis() + Math.min(timeoutMs, 120_000);
        while (true) {
            Optional<Message> edited = state.locked(() -> state.dialog(query.botId(), query.userId())
                    .map(d -> d.messages().get(query.messageId()))
                    .filter(m -> m.editCount() > query.editsBefore()));
            if (edited.isPresent() || System.currentTimeMillis() >= deadline) {
                return edited;
            }
            try {
                Thread.sleep(EDIT_STEP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static boolean matches(Message m, String textContains) {
        return textContains.isEmpty() || (m.text() != null && m.text().contains(textContains));
    }
}
