package ru.smetabot.bench;

import java.time.Duration;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxTypes.CallbackEdit;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/** A person in the sandbox talking to the bot: writes, taps the menu, presses inline buttons and waits for the edit. */
final class BotUser {

    /** Generous: the machine the bench runs on may be busy. */
    static final Duration WAIT = Duration.ofSeconds(60);

    final long id;
    private final SandboxClient sandbox;

    BotUser(SandboxClient sandbox, long id) {
        this.sandbox = sandbox;
        this.id = id;
    }

    /** Creates the user (with a phone, so the account can also be signed in to the userbot) and sends /start. */
    static BotUser started(SandboxClient sandbox, long id, String name) {
        sandbox.createUser(id, name, null, "bench" + id, phone(id), null);
        BotUser user = new BotUser(sandbox, id);
        user.say("/start", "SmetaBot");
        return user;
    }

    static String phone(long id) {
        return "+7997" + id;
    }

    Message say(String text, String expect) {
        Message sent = sandbox.sendText(id, SuiteUnderBench.BOT_ID, text);
        return sandbox.awaitBotMessage(id, SuiteUnderBench.BOT_ID, expect, sent.messageId(), WAIT);
    }

    /** Taps a reply-keyboard (menu) button and waits for the bot's new message containing {@code expect}. */
    Message tap(String button, String expect) {
        Message pressed = sandbox.pressReplyButton(id, SuiteUnderBench.BOT_ID, button);
        return sandbox.awaitBotMessage(id, SuiteUnderBench.BOT_ID, expect, pressed.messageId(), WAIT);
    }

    /**
     * Presses the inline button {@code data} of {@code message} and waits until the bot has edited that
     * message: press, answer and edit times come from the sandbox. Throws when the bot does not edit in time.
     */
    CallbackEdit press(Message message, String data, Duration timeout) {
        String callback = sandbox.pressInlineButton(id, SuiteUnderBench.BOT_ID, message.messageId(), data);
        return sandbox.awaitCallbackEdit(callback, timeout);
    }

    CallbackEdit press(Message message, String data) {
        return press(message, data, WAIT);
    }
}
