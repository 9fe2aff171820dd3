package ru.smetabot.bot.rooms;

import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/** The one "does this Telegram user own this room?" check. Callback data and room ids are untrusted input. */
@Service
public class RoomAccess {

    private final RoomRepository rooms;

    public RoomAccess(RoomRepository rooms) {
        this.rooms = rooms;
    }

    /** The room when {@code tgUserId} is its owner and it is active; empty otherwise (unknown, foreign, removed). */
    public Optional<Room> ownedRoom(long tgUserId, long roomId) {
        return rooms.findOwnedActive(tgUserId, roomId);
    }

    static boolean owns(Contractor contractor, Room room) {
        return contractor != null && contractor.getId() != null && room != null
                && room.isOwnedBy(contractor.getId()) && !room.isDeleted();
    }
}
