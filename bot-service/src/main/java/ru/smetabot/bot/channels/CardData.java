package ru.smetabot.bot.channels;

import java.time.Instant;
import java.util.List;

/**
 * Everything the room card shows.
 *
 * @param refreshedAt when views were last read from Telegram (null: never)
 * @param notice      why the last refresh did not happen (null when it did, or none was asked)
 */
public record CardData(long roomId, String title, long files, long views, Instant refreshedAt,
        List<FileLine> latest, int page, int pages, CardNotice notice) {

    public static final int FILES_PER_PAGE = 5;

    public CardData {
        latest = List.copyOf(latest);
    }

    public CardData withNotice(CardNotice notice) {
        return new CardData(roomId, title, files, views, refreshedAt, latest, page, pages, notice);
    }

    /**
     * One published file as the card lists it.
     *
     * @param membersAtPost the room's clients when it was posted ({@link Reach}); 0 shows no reach
     */
    public record FileLine(String fileName, int views, Instant postedAt, long membersAtPost) {

        public FileLine(String fileName, int views, Instant postedAt) {
            this(fileName, views, postedAt, 0);
        }

        /** Views ÷ members at posting, in whole percent; null when there were no members. */
        public Integer reach() {
            return Reach.percent(views, membersAtPost);
        }
    }
}
