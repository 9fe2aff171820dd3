package ru.smetabot.bot.channels;

import java.util.List;

/** The "📢 Мои каналы" screen: totals over all the owner's rooms and one page of rooms. */
public record RoomListPage(Overview overview, List<RoomLine> rooms, int page, int pages) {

    public static final int ROOMS_PER_PAGE = 6;

    public RoomListPage {
        rooms = List.copyOf(rooms);
    }

    /** Totals of the active rooms, and how many are archived ("🗄 Архив (N)" under the list). */
    public record Overview(long rooms, long files, long views, long clients, long archived) {

        public Overview(long rooms, long files, long views, long clients) {
            this(rooms, files, views, clients, 0);
        }
    }

    public record RoomLine(long roomId, String title, long files, long views) {
    }
}
