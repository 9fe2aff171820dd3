package ru.smetabot.sandbox.dialogs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.CallbackQuery;
import ru.smetabot.sandbox.state.Dialog;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.Photo;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;
import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.updates.TelegramObjects;
import ru.smetabot.sandbox.updates.UpdateHub;
import ru.smetabot.sandbox.updates.UpdateTypes;

/** Both sides of a private chat; the user's actions become updates for the bot. */
@Service
public class DialogService {

    private static final int USER_TEXT_MAX = 4096;
    private static final int USER_CAPTION_MAX = 1024;

    private final SandboxState state;
    private final UpdateHub hub;
    private final SandboxClock clock;
    private final SandboxProperties properties;

    DialogService(SandboxState state, UpdateHub hub, SandboxClock clock, SandboxProperties properties) {
        this.state = state;
        this.properties = properties;
        this.hub = hub;
        this.clock = clock;
    }

    /** The user writes to the bot (text, or a document with an optional caption). */
    public Message userSends(long userId, long botId, String text, StoredFile document) {
        requireSendable(text, document);
        return state.locked(() -> {
            Account user = requireUser(userId);
            Account bot = requireBot(botId);
            Dialog dialog = state.openDialog(botId, userId);
            Message message = dialog.add(userId, clock.epochSeconds(), text, document, null);
            message.entities(BotCommands.entities(text));
            hub.publish(botId, UpdateTypes.MESSAGE,
                    TelegramObjects.dialogMessage(message, TelegramObjects.privateChat(user), user));
            return message;
        });
    }

    /** The user taps a reply-keyboard button: Telegram just sends its text (a one-time keyboard hides). */
    public Message userPressesReplyButton(long userId, long botId, String text) {
        state.locked(() -> {
            Dialog dialog = requireDialog(botId, userId);
            Map<String, Object> keyboard = dialog.replyKeyboard();
            if (keyboard == null || !Keyboards.replyButtonTexts(keyboard).contains(text)) {
                throw SandboxException.badRequest("no such reply keyboard button", null);
            }
            if (Boolean.TRUE.equals(keyboard.get("one_time_keyboard"))) {
                dialog.replyKeyboard(null);
            }
        });
        return userSends(userId, botId, text, null);
    }

    /** The user presses an inline button carrying callback_data; the bot gets a callback_query. */
    public CallbackQuery userPressesInlineButton(long userId, long botId, int messageId, String data) {
        return state.locked(() -> {
            Account user = requireUser(userId);
            Dialog dialog = requireDialog(botId, userId);
            Message message = dialog.messages().get(messageId);
            if (message == null || !Keyboards.callbackData(message.replyMarkup()).contains(data)) {
                throw SandboxException.badRequest("no such inline button", null);
            }
            String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE));
            CallbackQuery query = new CallbackQuery(id, botId, userId, messageId, data, message.editCount());
            query.pressedAt(clock.now());
            state.putCallback(query);
            Account bot = state.requireAccount(botId);
            hub.publish(botId, UpdateTypes.CALLBACK_QUERY, Json.obj("id", id, "from", TelegramObjects.user(user),
                    "message", TelegramObjects.dialogMessage(message, TelegramObjects.privateChat(user), bot),
                    "chat_instance", Long.toString(botId ^ userId), "data", data));
            return query;
        });
    }

    /**
     * A member presses an inline button under a channel post. As in the Bot API's CallbackQuery, the bot
     * that sent the post gets a callback_query whose {@code message} is the channel post and whose
     * {@code from} is the presser (channel posts carry no sender user, so this is the only way to know who).
     * Non-members cannot see the post (403 CHANNEL_PRIVATE, as reading it); a button that is not on the post
     * is refused like one in a private chat.
     */
    public CallbackQuery userPressesChannelPostButton(long userId, long channelId, int messageId, String data) {
        return state.locked(() -> {
            Account user = requireUser(userId);
            ru.smetabot.sandbox.state.Channel channel = state.requireChannel(channelId);
            if (!channel.canRead(userId)) {
                throw SandboxException.forbidden("the user is not a member of the channel", "CHANNEL_PRIVATE");
            }
            Message post = channel.posts().get(messageId);
            if (post == null || !Keyboards.callbackData(post.replyMarkup()).contains(data)) {
                throw SandboxException.badRequest("no such inline button", null);
            }
            Account bot = state.requireAccount(post.senderId());
            if (!bot.bot()) {
                throw SandboxException.badRequest("no such inline button", null);
            }
            String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE));
            CallbackQuery query = new CallbackQuery(id, bot.id(), userId, messageId, data, post.editCount());
            query.pressedAt(clock.now());
            state.putCallback(query);
            hub.publish(bot.id(), UpdateTypes.CALLBACK_QUERY, Json.obj("id", id, "from", TelegramObjects.user(user),
                    "message", TelegramObjects.channelPost(post, channel, bot),
                    "chat_instance", Long.toString(channelId ^ userId), "data", data));
            return query;
        });
    }

    /** The bot writes to a user who has started it; a reply keyboard stays until removed. */
    public Message botSends(long botId, long userId, String text, StoredFile document, Map<String, Object> markup,
                            boolean protectContent) {
        return botSends(botId, userId, text, document, null, markup, protectContent);
    }

    /** sendMessage, sendDocument ({@code document}) or sendPhoto ({@code photo}; {@code text} is the caption). */
    public Message botSends(long botId, long userId, String text, StoredFile document, Photo photo,
                            Map<String, Object> markup, boolean protectContent) {
        return botSends(botId, userId, text, List.of(), document, photo, markup, protectContent);
    }

    /** As above, with the MessageEntity objects of {@code text} (parsed from parse_mode). */
    public Message botSends(long botId, long userId, String text, List<Map<String, Object>> entities,
                            StoredFile document, Photo photo, Map<String, Object> markup, boolean protectContent) {
        return state.locked(() -> {
            requireUser(userId);
            Dialog dialog = state.dialog(botId, userId).orElseThrow(() ->
                    SandboxException.forbidden("bot can't initiate conversation with a user", "USER_IS_BLOCKED"));
            if (markup != null && markup.containsKey("keyboard")) {
                dialog.replyKeyboard(markup);
            } else if (markup != null && markup.containsKey("remove_keyboard")) {
                dialog.replyKeyboard(null);
            }
            Message message = dialog.add(botId, clock.epochSeconds(), text, document, photo,
                    Keyboards.inlineOnly(markup), protectContent);
            message.entities(entities);
            return message;
        });
    }

    /** editMessageText ({@code keepText=false}) or editMessageReplyMarkup ({@code keepText=true}). */
    public Message botEdits(long botId, long userId, int messageId, String text, Map<String, Object> markup,
                            boolean keepText) {
        return botEdits(botId, userId, messageId, keepText ? MessageEdit.markup(markup)
                : new MessageEdit(MessageEdit.Kind.TEXT, text, List.of(), markup));
    }

    /** editMessageText, editMessageCaption or editMessageReplyMarkup of a bot's message. */
    public Message botEdits(long botId, long userId, int messageId, MessageEdit edit) {
        return state.locked(() -> {
            Dialog dialog = state.dialog(botId, userId).orElseThrow(SandboxException::chatNotFound);
            Message message = dialog.messages().get(messageId);
            if (message == null) {
                throw SandboxException.badRequest("message to edit not found", "MESSAGE_ID_INVALID");
            }
            if (message.senderId() != botId) {
                throw SandboxException.badRequest("message can't be edited", "MESSAGE_AUTHOR_REQUIRED");
            }
            edit.apply(message, clock.epochSeconds());
            return message;
        });
    }

    /** Either side's message disappears for both (bots may delete any message in a private chat). */
    public void delete(long botId, long userId, int messageId) {
        state.locked(() -> {
            Dialog dialog = state.dialog(botId, userId).orElseThrow(SandboxException::chatNotFound);
            if (dialog.messages().remove(messageId) == null) {
                throw SandboxException.badRequest("message to delete not found", "MESSAGE_ID_INVALID");
            }
        });
    }

    /**
     * answerCallbackQuery: only once, and only within {@code sandbox.callback-answer-window} of the press
     * (Telegram: 400 "query is too old and response timeout expired or query ID is invalid").
     */
    public void answerCallback(long botId, String callbackId, String text, boolean showAlert) {
        state.locked(() -> {
            Instant oldest = clock.now().minus(properties.callbackAnswerWindow());
            CallbackQuery query = state.callback(callbackId)
                    .filter(q -> q.botId() == botId && !q.answered() && !q.pressedAt().isBefore(oldest))
                    .orElseThrow(() -> SandboxException.badRequest("query is too old and response timeout "
                            + "expired or query ID is invalid", "QUERY_ID_INVALID"));
            query.answer(text, showAlert);
        });
    }

    /** What a Telegram app lets a user send: a text of 1–4096 characters, or a file with a caption ≤ 1024. */
    private static void requireSendable(String text, StoredFile document) {
        if (document == null && (text == null || text.isBlank())) {
            throw SandboxException.badRequest("message text is empty", "MESSAGE_EMPTY");
        }
        if (document == null && text.length() > USER_TEXT_MAX) {
            throw SandboxException.badRequest("message is too long", "MESSAGE_TOO_LONG");
        }
        if (document != null && text != null && text.length() > USER_CAPTION_MAX) {
            throw SandboxException.badRequest("message caption is too long", "MEDIA_CAPTION_TOO_LONG");
        }
    }

    public Dialog requireDialog(long botId, long userId) {
        return state.dialog(botId, userId).orElseThrow(SandboxException::chatNotFound);
    }

    /** Snapshot of a dialog's messages (copied under the lock). */
    public List<Message> messages(long botId, long userId) {
        return state.locked(() -> List.copyOf(requireDialog(botId, userId).messages().values()));
    }

    private Account requireUser(long userId) {
        Account user = state.requireAccount(userId);
        if (user.bot()) {
            throw SandboxException.badRequest("bots can't talk to bots", "USER_BOT");
        }
        return user;
    }

    private Account requireBot(long botId) {
        return state.account(botId).filter(Account::bot)
                .orElseThrow(() -> SandboxException.badRequest("bot not found", "BOT_INVALID"));
    }

}
