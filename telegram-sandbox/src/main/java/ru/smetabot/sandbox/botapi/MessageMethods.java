package ru.smetabot.sandbox.botapi;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

import ru.smetabot.sandbox.channels.ChannelService;
import ru.smetabot.sandbox.dialogs.DialogService;
import ru.smetabot.sandbox.dialogs.MessageEdit;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.Photo;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;
import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;

/**
 * Sending, editing and deleting messages, documents, photos and files, and answering callback queries, with
 * Telegram's limits: text 1–4096 and captions ≤ 1024 characters after entity parsing, reply_markup limits,
 * answerCallbackQuery text ≤ 200 characters (longer: 400 "MESSAGE_TOO_LONG").
 */
@Component
class MessageMethods implements BotMethodGroup {

    private static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    /** answerCallbackQuery text: 0-200 characters (Bot API docs). */
    private static final int MAX_CALLBACK_ANSWER = 200;

    private final SandboxState state;
    private final DialogService dialogs;
    private final ChannelService channels;

    MessageMethods(SandboxState state, DialogService dialogs, ChannelService channels) {
        this.state = state;
        this.dialogs = dialogs;
        this.channels = channels;
    }

    @Override
    public Map<String, BotMethod> methods() {
        return Map.ofEntries(
                Map.entry("sendMessage", (bot, r) -> send(bot, r, text(r), null, null)),
                Map.entry("sendChatAction", (bot, r) -> {
                    state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")));
                    return true;
                }),
                Map.entry("sendDocument", (bot, r) -> send(bot, r, caption(r), document(r), null)),
                Map.entry("sendPhoto", (bot, r) -> send(bot, r, caption(r), null, photo(r))),
                Map.entry("editMessageText", (bot, r) -> edit(bot, r, MessageEdit.Kind.TEXT, text(r))),
                Map.entry("editMessageCaption", (bot, r) -> edit(bot, r, MessageEdit.Kind.CAPTION, caption(r))),
                Map.entry("editMessageReplyMarkup", (bot, r) -> edit(bot, r, MessageEdit.Kind.MARKUP, null)),
                Map.entry("deleteMessage", this::delete),
                Map.entry("answerCallbackQuery", (bot, r) -> {
                    String text = r.string("text");
                    if (text != null && text.length() > MAX_CALLBACK_ANSWER) {
                        throw SandboxException.badRequest("MESSAGE_TOO_LONG", "MESSAGE_TOO_LONG");
                    }
                    dialogs.answerCallback(bot.id(), r.requireString("callback_query_id"), text,
                            r.bool("show_alert"));
                    return true;
                }),
                Map.entry("getFile", (bot, r) -> {
                    StoredFile f = requireFile(r.requireString("file_id"));
                    return Json.obj("file_id", f.fileId(), "file_unique_id", f.fileUniqueId(),
                            "file_size", f.size(), "file_path", "documents/" + f.fileId());
                }));
    }

    private Map<String, Object> send(Account bot, BotRequest r, FormattedText text, StoredFile document,
                                     Photo photo) {
        ChatTarget target = state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")));
        Map<String, Object> markup = ReplyMarkupLimits.check(r.object("reply_markup"));
        String plain = text == null || (text.text().isEmpty() && (document != null || photo != null))
                ? null : text.text();
        List<Map<String, Object>> entities = text == null ? List.of() : text.entities();
        if (target.channel() != null) {
            Message post = channels.post(target.channel().id(), bot.id(), plain, entities, document, photo, markup,
                    r.bool("protect_content"));
            return state.locked(() -> TelegramObjects.channelPost(post, target.channel(), bot));
        }
        Message message = dialogs.botSends(bot.id(), target.user().id(), plain, entities, document, photo, markup,
                r.bool("protect_content"));
        return state.locked(() -> TelegramObjects.dialogMessage(message,
                TelegramObjects.privateChat(target.user()), bot));
    }

    private Map<String, Object> edit(Account bot, BotRequest r, MessageEdit.Kind kind, FormattedText text) {
        if (r.string("inline_message_id") != null) {
            throw SandboxException.badRequest("inline messages are not supported by the sandbox", null);
        }
        ChatTarget target = state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")));
        int messageId = (int) r.requireLong("message_id");
        Map<String, Object> markup = ReplyMarkupLimits.check(r.object("reply_markup"));
        String plain = text == null || text.text().isEmpty() ? null : text.text();
        MessageEdit edit = new MessageEdit(kind, plain, text == null ? List.of() : text.entities(), markup);
        if (target.channel() != null) {
            Message post = channels.edit(target.channel().id(), bot.id(), messageId, edit);
            return state.locked(() -> TelegramObjects.channelPost(post, target.channel(), bot));
        }
        Message message = dialogs.botEdits(bot.id(), target.user().id(), messageId, edit);
        return state.locked(() -> TelegramObjects.dialogMessage(message,
                TelegramObjects.privateChat(target.user()), bot));
    }

    private Object delete(Account bot, BotRequest r) {
        ChatTarget target = state.locked(() -> ChatTarget.resolve(state, r.string("chat_id")));
        int messageId = (int) r.requireLong("message_id");
        if (target.channel() != null) {
            channels.delete(target.channel().id(), bot.id(), messageId);
        } else {
            dialogs.delete(bot.id(), target.user().id(), messageId);
        }
        return true;
    }

    /** "text" parsed by parse_mode: 1–4096 characters after entity parsing (sendMessage, editMessageText). */
    private static FormattedText text(BotRequest r) {
        String text = r.string("text");
        if (text == null) {
            throw SandboxException.badRequest("message text is empty", "MESSAGE_EMPTY");
        }
        return ParseModes.parse(text, r.string("parse_mode")).requireMessageText();
    }

    /** "caption" parsed by parse_mode: at most 1024 characters after entity parsing; absent = no caption. */
    private static FormattedText caption(BotRequest r) {
        FormattedText caption = ParseModes.parse(r.string("caption"), r.string("parse_mode"));
        return caption == null ? null : caption.requireCaption();
    }

    /** An uploaded part ("document", or the part named by "attach://name"), or an existing file_id sent again. */
    private StoredFile document(BotRequest r) {
        String reference = r.string("document");
        BotRequest.Upload upload = upload(r, "document");
        if (upload != null) {
            String name = upload.fileName().isBlank() ? "document" : upload.fileName();
            String mime = MediaTypeFactory.getMediaType(name).map(Object::toString)
                    .orElse(upload.contentType() == null ? "application/octet-stream" : upload.contentType());
            return state.locked(() -> state.storeFile(name, mime, upload.content()));
        }
        String fileId = reference;
        if (fileId == null || fileId.isBlank()) {
            throw SandboxException.badRequest("there is no document in the request", null);
        }
        return requireFile(fileId);
    }

    /**
     * The "photo" upload (or file_id), checked as Telegram does: an image it can decode (else
     * IMAGE_PROCESS_FAILED), at most 10 MB, width + height at most 10000 and sides at most 20:1.
     */
    private Photo photo(BotRequest r) {
        BotRequest.Upload upload = upload(r, "photo");
        String reference = r.string("photo");
        if (upload == null && (reference == null || reference.isBlank())) {
            throw SandboxException.badRequest("there is no photo in the request", null);
        }
        byte[] content = upload != null ? upload.content() : requireFile(reference).content();
        if (content.length > MAX_PHOTO_BYTES) {
            throw SandboxException.badRequest("PHOTO_SAVE_FILE_INVALID", null);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw SandboxException.badRequest("IMAGE_PROCESS_FAILED", null);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (width + height > 10_000 || Math.max(width, height) > 20 * Math.min(width, height)) {
            throw SandboxException.badRequest("PHOTO_INVALID_DIMENSIONS", null);
        }
        if (upload == null) {
            return new Photo(requireFile(reference), width, height);
        }
        String name = upload.fileName().isBlank() ? "photo.jpg" : upload.fileName();
        String mime = MediaTypeFactory.getMediaType(name).map(Object::toString).orElse("image/jpeg");
        return new Photo(state.locked(() -> state.storeFile(name, mime, content)), width, height);
    }

    /** The multipart part named {@code field}, or the one its value points to ("attach://name"). */
    private static BotRequest.Upload upload(BotRequest r, String field) {
        String reference = r.string(field);
        return reference != null && reference.startsWith("attach://")
                ? r.file(reference.substring("attach://".length())) : r.file(field);
    }

    private StoredFile requireFile(String fileId) {
        return state.locked(() -> state.file(fileId)).orElseThrow(() ->
                SandboxException.badRequest("wrong file identifier/HTTP URL specified", null));
    }
}
