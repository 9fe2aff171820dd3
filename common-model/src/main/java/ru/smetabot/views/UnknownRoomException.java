package ru.smetabot.views;

/** No live room with this id: it never existed or was deactivated. */
public class UnknownRoomException extends RuntimeException {

    private final long roomId;

    public UnknownRoomException(long roomId, String why) {
        super("room " + roomId + " " + why);
        this.roomId = roomId;
    }

    public long roomId() {
        return roomId;
    }
}
