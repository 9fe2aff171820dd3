package ru.smetabot.sandbox.channels;

import ru.smetabot.sandbox.state.SandboxException;

/** Telegram's wording for edit refusals, shared by channel posts and private chats. */
public final class Messages {

    private Messages() {
    }

    public static SandboxException notModified() {
        return SandboxException.badRequest("message is not modified: specified new message content and reply "
                + "markup are exactly the same as a current content and reply markup of the message",
                "MESSAGE_NOT_MODIFIED");
    }
}
