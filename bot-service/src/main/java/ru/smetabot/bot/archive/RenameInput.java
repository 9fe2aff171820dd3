package ru.smetabot.bot.archive;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.channels.ChannelScreens;
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

/**
 * "✏️ Переименовать": asks for the new title, then renames the channel in Telegram and here. Telegram allows
 * titles of 1–128 characters; a longer one is asked again. A refusal (no right "Change channel info") is
 * told with its hint and nothing changes.
 */
@Component
public class RenameInput {

    static final int MAX_TITLE = 128;

    private final Conversations conversations;
    private final RoomAccess access;
    private final RoomArchive archive;
    private final ChannelScreens channels;
    private final BotGateway gateway;
    private final FailureHints hints;
    private final Texts texts;

    RenameInput(Conversations conversations, RoomAccess access, RoomArchive archive, ChannelScreens channels,
            BotGateway gateway, FailureHints hints, Texts texts) {
        this.conversations = conversations;
        this.access = access;
        this.archive = archive;
        this.channels = channels;
        this.gateway = gateway;
        this.hints = hints;
        this.texts = texts;
    }

    void ask(long chatId, long tgUserId, Room room, Locale locale) {
        conversations.expect(tgUserId, new Step.AwaitingRoomTitle(room.getId()));
        gateway.send(chatId, Screen.text(texts.get(locale, "rename.prompt", Html.escape(room.getTitle()), MAX_TITLE)));
    }

    /** True when the text was the awaited title (valid or not); false when no title was awaited. */
    public boolean onText(long chatId, Contractor contractor, String text, Locale locale) {
        Optional<Step.AwaitingRoomTitle> step = conversations.take(contractor.getTgUserId(), Step.AwaitingRoomTitle.class);
        if (step.isEmpty()) {
            return false;
        }
        Optional<Room> room = access.ownedRoom(contractor.getTgUserId(), step.get().roomId());
        if (room.isEmpty()) {
            gateway.send(chatId, Screen.text(texts.get(locale, "callback.refused")));
            return true;
        }
        String title = text.strip();
        if (title.isEmpty() || title.codePointCount(0, title.length()) > MAX_TITLE) {
            conversations.expect(contractor.getTgUserId(), step.get());
            gateway.send(chatId, Screen.text(texts.get(locale, "rename.invalid", MAX_TITLE)));
            return true;
        }
        if (title.equals(room.get().getTitle())) {
            gateway.send(chatId, Screen.text(texts.get(locale, "rename.same", Html.escape(title))));
            return true;
        }
        try {
            archive.rename(room.get(), title);
        } catch (BotApiException e) {
            gateway.send(chatId, Screen.text(texts.get(locale, "rename.failed",
                    Html.escape(hints.hint(locale, e, FailureHints.Right.CHANGE_INFO)))));
            return true;
        }
        gateway.send(chatId, Screen.text(texts.get(locale, "rename.done", Html.escape(title))));
        if (!room.get().isArchived()) {
            channels.sendCard(chatId, room.get(), locale);
        }
        return true;
    }
}
