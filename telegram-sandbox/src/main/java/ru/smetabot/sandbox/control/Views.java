package ru.smetabot.sandbox.control;

import java.util.List;
import java.util.Map;

import ru.smetabot.sandbox.dialogs.Keyboards;
import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.Photo;
import ru.smetabot.sandbox.state.StoredFile;

/** What the control API shows: accounts, messages and posts as a Telegram client would render them. */
final class Views {

    private Views() {
    }

    record AccountView(long id, boolean bot, String firstName, String lastName, String username,
                       String languageCode, String phone, String token) {
    }

    record DocumentView(String fileId, String fileName, String mimeType, int size) {
    }

    /** A photo; its bytes are at {@code GET /sandbox/api/files/{file_id}}. */
    record PhotoView(String fileId, int width, int height, int size) {
    }

    /** A message; {@code inlineKeyboard} rows of buttons as sent by the bot; views only for channel posts. */
    record MessageView(int messageId, long date, long fromId, boolean outgoing, String text, DocumentView document,
                       PhotoView photo, Object inlineKeyboard, int editCount, Long editDate, Integer views,
                       boolean protectedContent) {
    }

    record DialogView(AccountView bot, long userId, List<MessageView> messages, Object replyKeyboard) {
    }

    static AccountView account(Account a) {
        return new AccountView(a.id(), a.bot(), a.firstName(), a.lastName(), a.username(), a.languageCode(),
                a.phone(), a.token());
    }

    /** {@code viewerId} decides "outgoing": the message was written by the person looking at the chat. */
    static MessageView message(Message m, long viewerId, boolean withViews) {
        StoredFile f = m.document();
        DocumentView doc = f == null ? null : new DocumentView(f.fileId(), f.fileName(), f.mimeType(), f.size());
        Map<String, Object> markup = Keyboards.inlineOnly(m.replyMarkup());
        Photo p = m.photo();
        PhotoView photo = p == null ? null : new PhotoView(p.file().fileId(), p.width(), p.height(), p.file().size());
        return new Views.MessageView(m.id(), m.date(), m.senderId(), m.senderId() == viewerId, m.text(), doc, photo,
                markup == null ? null : markup.get("inline_keyboard"), m.editCount(),
                m.editCount() > 0 ? m.editDate() : null, withViews ? m.views() : null, m.protectedContent());
    }
}
