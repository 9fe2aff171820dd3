package ru.smetabot.bot.channels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.acknowledgements.AckStore;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;

/** Shows "📢 Мои каналы" and room cards: loads the data, renders, sends or edits through the gateway. */
@Service
public class ChannelScreens {

    private final RoomStats stats;
    private final BotGateway gateway;
    private final Texts texts;
    private final BotProperties properties;
    private final OwnerZones zones;
    /**
     * Which room's card each edited message shows now (null: something else), for late edits. Bounded to the
     * {@value #CARDS_REMEMBERED} messages used last (it grew by one entry per menu message forever): a refresh
     * finishing on a message forgotten here leaves it as it is, as for a message showing another screen.
     * A LinkedHashMap in access order, because no cache library is on the classpath for one map.
     */
    private final Map<String, Long> cardOnMessage = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CARDS_REMEMBERED;
        }
    });
    static final int CARDS_REMEMBERED = 20_000;

    private final AckStore acks;
    private final MeterRegistry meters;

    public ChannelScreens(RoomStats stats, BotGateway gateway, Texts texts, BotProperties properties, AckStore acks,
            OwnerZones zones, MeterRegistry meters) {
        this.acks = acks;
        this.meters = meters;
        this.zones = zones;
        this.stats = stats;
        this.gateway = gateway;
        this.texts = texts;
        this.properties = properties;
    }

    public void sendRoomList(long chatId, Contractor contractor, Locale locale) {
        gateway.send(chatId, roomList(contractor.getId(), 0, locale));
    }

    public void editRoomList(long chatId, int messageId, long contractorId, int page, Locale locale) {
        cardOnMessage.remove(key(chatId, messageId));
        gateway.edit(chatId, messageId, roomList(contractorId, page, locale));
    }

    public void sendCard(long chatId, Room room, Locale locale) {
        gateway.send(chatId, cardScreen(stats.card(room, 0), locale));
    }

    public void editCard(long chatId, int messageId, Room room, int page, CardNotice notice, Locale locale) {
        cardOnMessage.put(key(chatId, messageId), room.getId());
        gateway.edit(chatId, messageId, cardScreen(stats.card(room, page).withNotice(notice), locale));
    }

    /**
     * Edits the card only if the message still shows this room's card: a refresh finishing late
     * must not pull the owner back from the screen they moved on to.
     */
    public void editCardIfStillShown(long chatId, int messageId, Room room, CardNotice notice, Locale locale) {
        boolean shown = room.getId().equals(cardOnMessage.get(key(chatId, messageId)));
        if (shown) {
            editCard(chatId, messageId, room, 0, notice, locale);
        }
        // Counted after the edit (or its skipping) is done: how often a refresh finishes after the owner moved on.
        meters.counter("smetabot.bot.cards.late_edits", "outcome", shown ? "shown" : "skipped").increment();
    }

    private static String key(long chatId, int messageId) {
        return chatId + ":" + messageId;
    }

    public Screen cardScreen(CardData card, Locale locale) {
        return CardView.render(card, acks.card(card.roomId(), card.page(), CardData.FILES_PER_PAGE), texts, locale,
                zones.zoneOfRoom(card.roomId()));
    }

    private Screen roomList(long contractorId, int page, Locale locale) {
        RoomListPage list = stats.roomList(contractorId, page); // the archived count comes with its totals
        return RoomListView.render(list, list.overview().archived(), texts, locale);
    }
}
