package ru.smetabot.bot.invites;

import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * "🔗 Ссылки" on the main menu: the owner picks a room, and the chooser message becomes that room's
 * links screen (the same {@link Callback.Links} the card's button sends, so one handler serves both).
 */
@Service
public class LinksMenu {

    static final int ROOMS_TO_CHOOSE = 10;

    private final RoomRepository rooms;
    private final BotGateway gateway;
    private final Texts texts;

    LinksMenu(RoomRepository rooms, BotGateway gateway, Texts texts) {
        this.rooms = rooms;
        this.gateway = gateway;
        this.texts = texts;
    }

    public void sendRoomChooser(long chatId, Contractor contractor, Locale locale) {
        Page<Room> owned = rooms.findByContractorIdAndDeletedFalseAndArchivedAtIsNullOrderByCreatedAtDesc(contractor.getId(),
                PageRequest.of(0, ROOMS_TO_CHOOSE));
        gateway.send(chatId, chooser(owned.getContent(), owned.getTotalElements() - owned.getNumberOfElements(), texts, locale));
    }

    /** Newest rooms first, one button each ({@code more} did not fit: the way to them); with no rooms, how to make one. */
    static Screen chooser(List<Room> rooms, long more, Texts texts, Locale locale) {
        if (rooms.isEmpty()) {
            return Screen.text(texts.get(locale, "links.no_rooms"));
        }
        Buttons keyboard = Buttons.inline();
        for (Room room : rooms) {
            keyboard.row(Buttons.button(texts.get(locale, "links.room_button", room.getTitle()), new Callback.Links(room.getId())));
        }
        String text = texts.get(locale, "links.choose_room");
        return new Screen(more > 0 ? text + "\n" + texts.get(locale, "links.more_rooms", more) : text, keyboard.build());
    }
}
