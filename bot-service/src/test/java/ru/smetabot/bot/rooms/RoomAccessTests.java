package ru.smetabot.bot.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;

class RoomAccessTests {

    private final Contractor owner = contractor(10L, 1001);
    private final Contractor stranger = contractor(11L, 1002);

    @Test
    void theOwnerOwnsAnActiveRoom() {
        assertThat(RoomAccess.owns(owner, new Room(10L, -100123L, "Кухня", 1001L))).isTrue();
    }

    @Test
    void anotherContractorDoesNot() {
        assertThat(RoomAccess.owns(stranger, new Room(10L, -100123L, "Кухня", 1001L))).isFalse();
    }

    @Test
    void nobodyOwnsADeactivatedRoom() {
        Room room = new Room(10L, -100123L, "Кухня", 1001L);
        room.markDeleted();

        assertThat(RoomAccess.owns(owner, room)).isFalse();
    }

    @Test
    void anUnknownUserOwnsNothing() {
        assertThat(RoomAccess.owns(null, new Room(10L, -100123L, "Кухня", 1001L))).isFalse();
        assertThat(RoomAccess.owns(new Contractor(5, null, null, null), new Room(10L, -1L, "x", null))).isFalse();
    }

    private static Contractor contractor(long id, long tgUserId) {
        Contractor contractor = new Contractor(tgUserId, null, "Name", "ru");
        ReflectionTestUtils.setField(contractor, "id", id);
        return contractor;
    }
}
