package ru.smetabot.sandbox.dialogs;

import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxException;

/**
 * One of editMessageText, editMessageCaption or editMessageReplyMarkup, applied as Telegram applies it:
 * text only to a text message, a caption only to a media message, and 400 "message is not modified" when
 * text (or caption), entities and inline keyboard all stay the same.
 */
public record MessageEdit(Kind kind, String text, List<Map<String, Object>> entities, Map<String, Object> markup) {

    /** What the edit replaces besides the reply markup. */
    public enum Kind { TEXT, CAPTION, MARKUP }

    public static MessageEdit markup(Map<String, Object> markup) {
        return new MessageEdit(Kind.MARKUP, null, null, markup);
    }

    /** Applies the edit to {@code message} at {@code when} (Unix seconds). */
    public void apply(Message message, long when) {
        boolean media = message.document() != null || message.photo() != null;
        if (kind == Kind.TEXT && media) {
            throw SandboxException.badRequest("there is no text in the message to edit", "MESSAGE_NOT_MODIFIED");
        }
        if (kind == Kind.CAPTION && !media) {
            throw SandboxException.badRequest("there is no caption in the message to edit", "MESSAGE_NOT_MODIFIED");
        }
        String newText = kind == Kind.MARKUP ? message.text() : text;
        List<Map<String, Object>> newEntities = kind == Kind.MARKUP ? message.entities() : entities;
        if (!message.edit(newText, newEntities, Keyboards.inlineOnly(markup), when)) {
            throw SandboxException.messageNotModified();
        }
    }
}
