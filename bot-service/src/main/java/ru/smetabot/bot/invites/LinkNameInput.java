package ru.smetabot.bot.invites;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.rooms.RoomAccess;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;

/** The text the owner types after "➕ Новая ссылка": the link's name, then the expiry buttons. */
@Component
public class LinkNameInput {

    private final Conversations conversations;
    private final RoomAccess access;
    private final BotGateway gateway;
    private final Texts texts;

    LinkNameInput(Conversations conversations, RoomAccess access, BotGateway gateway, Texts texts) {
        this.conversations = conversations;
        this.access = access;
        this.gateway = gateway;
        this.texts = texts;
    }

    /** True when the text was the awaited link name (valid or not); false when no name was awaited. */
    public boolean onText(long chatId, Contractor contractor, String text, Locale locale) {
        Optional<Step.AwaitingLinkName> step = conversations.take(contractor.getTgUserId(), Step.AwaitingLinkName.class);
        if (step.isEmpty()) {
            return false;
        }
        Optional<Room> room = access.ownedRoom(contractor.getTgUserId(), step.get().roomId());
        if (room.isEmpty()) {
            gateway.send(chatId, Screen.text(texts.get(locale, "callback.refused")));
            return true;
        }
        if (!LinkOptions.validName(text)) {
            conversations.expect(contractor.getTgUserId(), step.get());
            gateway.send(chatId, Screen.text(texts.get(locale, "links.name_invalid", LinkOptions.MAX_NAME)));
            return true;
        }
        String name = text.strip();
        conversations.expect(contractor.getTgUserId(), new Step.LinkDraft(room.get().getId(), name));
        gateway.send(chatId, LinksView.chooseExpiry(room.get().getId(), name, texts, locale));
        return true;
    }
}
