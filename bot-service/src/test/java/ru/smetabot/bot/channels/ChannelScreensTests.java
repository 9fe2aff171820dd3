package ru.smetabot.bot.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.acknowledgements.AckData.CardAcks;
import ru.smetabot.bot.acknowledgements.AckStore;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.rooms.Room;

/**
 * A refresh finishing late edits the card only while its message still shows that card; the messages remembered for
 * that are bounded, so the oldest one is forgotten (and left as it is) instead of the map growing forever.
 */
class ChannelScreensTests {

    private final RoomStats stats = mock(RoomStats.class);
    private final BotGateway gateway = mock(BotGateway.class);
    private final AckStore acks = mock(AckStore.class);
    private final OwnerZones zones = mock(OwnerZones.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChannelScreens screens = new ChannelScreens(stats, gateway, new Texts(), mock(BotProperties.class), acks,
            zones, meters);
    private final Room room = mock(Room.class);

    @Test
    void aLateRefreshEditsOnlyCardsStillRememberedAsShown() {
        when(room.getId()).thenReturn(7L);
        when(stats.card(any(), anyInt())).thenReturn(new CardData(7, "Кухня", 0, 0, null, List.of(), 0, 1, null));
        when(acks.card(anyLong(), anyInt(), anyInt())).thenReturn(CardAcks.NONE);
        when(zones.zoneOfRoom(anyLong())).thenReturn(ZoneOffset.UTC);
        when(stats.roomList(anyLong(), anyInt()))
                .thenReturn(new RoomListPage(new RoomListPage.Overview(1, 0, 0, 0), List.of(), 0, 1));

        screens.editCard(1, 1, room, 0, null, Texts.RUSSIAN);
        screens.editCard(1, 2, room, 0, null, Texts.RUSSIAN);
        screens.editRoomList(1, 2, 3, 0, Texts.RUSSIAN); // message 2 went back to the list
        screens.editCardIfStillShown(1, 1, room, null, Texts.RUSSIAN);
        screens.editCardIfStillShown(1, 2, room, null, Texts.RUSSIAN);
        verify(gateway, times(2)).edit(eq(1L), eq(1), any());
        assertThat(lateEdits("shown")).isEqualTo(1);
        assertThat(lateEdits("skipped")).isEqualTo(1);

        for (int message = 100; message < 100 + ChannelScreens.CARDS_REMEMBERED; message++) {
            screens.editCard(2, message, room, 0, null, Texts.RUSSIAN);
        }
        screens.editCardIfStillShown(1, 1, room, null, Texts.RUSSIAN);
        screens.editCardIfStillShown(2, 100, room, null, Texts.RUSSIAN);
        verify(gateway, times(2)).edit(eq(1L), eq(1), any());
        verify(gateway, times(2)).edit(eq(2L), eq(100), any());
        assertThat(lateEdits("skipped")).as("the oldest card message was forgotten").isEqualTo(2);
        assertThat(lateEdits("shown")).isEqualTo(2);
    }

    private double lateEdits(String outcome) {
        return meters.counter("smetabot.bot.cards.late_edits", "outcome", outcome).count();
    }
}
