package ru.smetabot.bot.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.smetabot.bot.acknowledgements.AckStore;
import ru.smetabot.bot.acknowledgements.AckViews;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.rooms.RoomAccess;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.FailureHints;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * "📤 Опубликовать файл": the owner sends a document, picks a room (or picked it on the card first),
 * and the bot posts it with protect_content and records the publication. The pending document is
 * taken once, so a double tap on a room posts it once.
 */
@Service
public class PublishFlow {

    static final int ROOMS_TO_CHOOSE = 10;

    private static final Logger log = LoggerFactory.getLogger(PublishFlow.class);

    private final RoomRepository rooms;
    private final RoomAccess access;
    private final Conversations conversations;
    private final PublicationLog publications;
    private final BotGateway gateway;
    private final Texts texts;
    private final FailureHints hints;
    private final AckStore acknowledgements;

    public PublishFlow(RoomRepository rooms, RoomAccess access, Conversations conversations, PublicationLog publications,
            BotGateway gateway, Texts texts, FailureHints hints, AckStore acknowledgements) {
        this.hints = hints;
        this.acknowledgements = acknowledgements;
        this.rooms = rooms;
        this.access = access;
        this.conversations = conversations;
        this.publications = publications;
        this.gateway = gateway;
        this.texts = texts;
    }

    public void start(long chatId, Contractor contractor, Locale locale) {
        if (rooms.findByContractorIdAndDeletedFalseAndArchivedAtIsNull(contractor.getId()).isEmpty()) {
            gateway.send(chatId, Screen.text(texts.get(locale, "publish.no_rooms")));
            return;
        }
        conversations.expect(contractor.getTgUserId(), new Step.AwaitingDocument(null));
        gateway.send(chatId, Screen.text(texts.get(locale, "publish.send_document")));
    }

    /** From the card: the next document goes to this (already ownership-checked) room. */
    void startFor(long chatId, long tgUserId, Room room, Locale locale) {
        conversations.expect(tgUserId, new Step.AwaitingDocument(room.getId()));
        gateway.send(chatId, Screen.text(texts.get(locale, "publish.send_document_to", Html.escape(room.getTitle()))));
    }

    public void onDocument(long chatId, Contractor contractor, Document document, Locale locale) {
        long user = contractor.getTgUserId();
        Long target = conversations.take(user, Step.AwaitingDocument.class).map(Step.AwaitingDocument::roomId).orElse(null);
        if (target != null) {
            access.ownedRoom(user, target).ifPresentOrElse(
                    room -> publish(chatId, null, room, document, locale),
                    () -> gateway.send(chatId, Screen.text(texts.get(locale, "publish.no_rooms"))));
            return;
        }
        org.springframework.data.domain.Page<Room> newest = rooms.findByContractorIdAndDeletedFalseAndArchivedAtIsNullOrderByCreatedAtDesc(
                contractor.getId(), PageRequest.of(0, ROOMS_TO_CHOOSE));
        List<Room> choices = newest.getContent();
        if (choices.isEmpty()) {
            gateway.send(chatId, Screen.text(texts.get(locale, "publish.no_rooms")));
            return;
        }
        conversations.expect(user, new Step.PendingDocument(document.getFileId(), document.getFileName(),
                document.getMimeType(), document.getFileSize()));
        gateway.send(chatId, PublishViews.chooser(document.getFileName(),
                choices.stream().map(r -> new PublishViews.Choice(r.getId(), r.getTitle())).toList(),
                newest.getTotalElements() - choices.size(), texts, locale));
    }

    /** The document waiting for a room choice, taken so it is published once. */
    java.util.Optional<Step.PendingDocument> takePending(long tgUserId) {
        return conversations.take(tgUserId, Step.PendingDocument.class);
    }

    /** Publishes the pending document to the chosen room; {@code messageId} is the chooser, edited into the result. */
    void publishPending(long chatId, int messageId, Room room, Step.PendingDocument pending, Locale locale) {
        Document document = new Document();
        document.setFileId(pending.fileId());
        document.setFileName(pending.fileName());
        document.setMimeType(pending.mimeType());
        document.setFileSize(pending.fileSize());
        publish(chatId, messageId, room, document, locale);
    }

    private void publish(long chatId, Integer chooserMessageId, Room room, Document document, Locale locale) {
        Screen result;
        try {
            // "✅ Ознакомлен" under the file, in the owner's language, when the room asks for acknowledgements.
            boolean ask = acknowledgements.enabled(room.getId());
            Message posted = gateway.sendProtectedDocument(room.getTgChatId(), document.getFileId(),
                    ask ? AckViews.postButton(texts, locale) : null);
            Document stored = posted.hasDocument() ? merge(posted.getDocument(), document) : document;
            Instant postedAt = posted.getDate() == null ? Instant.now() : Instant.ofEpochSecond(posted.getDate());
            publications.record(room.getId(), posted.getMessageId(), stored, postedAt);
            if (ask) {
                acknowledgements.markAsked(room.getId(), posted.getMessageId());
            }
            log.info("Published '{}' to room {} as message {}", stored.getFileName(), room.getId(), posted.getMessageId());
            result = PublishViews.done(stored.getFileName(), room.getId(), room.getTitle(), texts, locale);
        } catch (BotApiException e) {
            log.warn("Publishing '{}' to room {} failed: {}", document.getFileName(), room.getId(), e.getMessage());
            result = Screen.text(texts.get(locale, "publish.failed",
                    Html.escape(hints.hint(locale, e, FailureHints.Right.POST_MESSAGES))));
        }
        if (chooserMessageId == null) {
            gateway.send(chatId, result);
        } else {
            gateway.edit(chatId, chooserMessageId, result);
        }
    }

    private static Document merge(Document posted, Document original) {
        if (posted.getFileName() == null) {
            posted.setFileName(original.getFileName());
        }
        if (posted.getMimeType() == null) {
            posted.setMimeType(original.getMimeType());
        }
        if (posted.getFileSize() == null) {
            posted.setFileSize(original.getFileSize());
        }
        return posted;
    }
}
