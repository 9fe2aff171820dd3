package ru.smetabot.bot.notifications;

import java.util.List;

/** What a digest reports, as read from the database; {@link DigestView} turns it into text. */
final class DigestData {

    private DigestData() {
    }

    /** A client who joined (through {@code linkName}, null: not one of our links) or left. */
    record Person(String fullName, String username, long tgUserId, String linkName) {
    }

    /** One room's day; a room with nothing in it is left out of the digest. */
    record RoomDay(String title, List<Person> joined, List<Person> left, int declined, long viewsGained,
            List<Person> removed, List<Ack> acknowledged) {

        RoomDay(String title, List<Person> joined, List<Person> left, int declined, long viewsGained) {
            this(title, joined, left, declined, viewsGained, List.of(), List.of());
        }

        boolean isEmpty() {
            return joined.isEmpty() && left.isEmpty() && declined == 0 && viewsGained == 0 && removed.isEmpty()
                    && acknowledged.isEmpty();
        }
    }

    /** A client pressed "✅ Ознакомлен" under {@code fileName}. */
    record Ack(Person person, String fileName) {
    }

    record Daily(DigestPeriod period, List<RoomDay> rooms) {
    }

    /** A file's views gained in the period, or a new file ({@code gained} unused). */
    record FileLine(String fileName, String roomTitle, long gained) {
    }

    /**
     * @param files     files with views gained this week, most first
     * @param newFiles  files posted this week
     */
    record Weekly(DigestPeriod period, long gained, long previousGained, List<FileLine> files, List<FileLine> newFiles) {

        boolean isEmpty() {
            return gained == 0 && previousGained == 0 && newFiles.isEmpty();
        }
    }

    /** An owner to send a digest to. */
    record Owner(long id, long tgUserId, String languageCode) {
    }
}
