package ru.smetabot.bot.acknowledgements;

import java.time.Instant;
import java.util.List;

/** What the acknowledgement screens show, as read by {@link AckStore}; {@link AckViews} renders it. */
public final class AckData {

    private AckData() {
    }

    /** A file with the button: {@code acknowledged} of the room's {@code active} clients have pressed it. */
    public record FileAck(long publicationId, String fileName, boolean asked, long acknowledged) {
    }

    /** The card's part: the switch, active clients and, per file line of the card's page, its count. */
    public record CardAcks(boolean enabled, long activeClients, List<FileAck> files) {

        public static final CardAcks NONE = new CardAcks(false, 0, List.of());

        public CardAcks {
            files = List.copyOf(files);
        }
    }

    /** "✅ Ознакомления": the room's files with the button, a page of them. */
    record FilesPage(long roomId, String title, boolean enabled, long activeClients, List<FileAck> files, int page, int pages) {

        FilesPage {
            files = List.copyOf(files);
        }
    }

    /** A client of the room and when they acknowledged the file (null: not yet). */
    record Person(long clientId, long tgUserId, String fullName, String username, Instant acknowledgedAt) {
    }

    /** One file: who acknowledged (first, oldest first) and who has not, a page of them. */
    record FilePage(long roomId, String roomTitle, long publicationId, String fileName, long acknowledged, long activeClients,
            List<Person> people, int page, int pages, Instant remindedAt) {

        FilePage {
            people = List.copyOf(people);
        }
    }

    /** The post a button was pressed under, with its room. */
    record Post(long roomId, long contractorId, String roomTitle, long publicationId, String fileName, boolean enabled) {
    }
}
