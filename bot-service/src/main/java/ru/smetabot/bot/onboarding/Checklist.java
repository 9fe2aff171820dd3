package ru.smetabot.bot.onboarding;

import java.util.Arrays;
import java.util.Optional;

/**
 * What of the set-up an owner has done. {@code roomId}: their newest room (the one a link and a file go to), null
 * with none; {@code account} null when the userbot could not tell (then that line shows as not done).
 */
public record Checklist(Boolean account, boolean room, boolean link, boolean file, Long roomId) {

    /** The steps in order; {@link #tag()} is the metric label, {@link #messageKey()} the bundle key of its line. */
    public enum Item {
        ACCOUNT("account"), ROOM("room"), LINK("link"), FILE("file");

        private final String tag;

        Item(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        public String messageKey() {
            return "onboarding.step." + tag;
        }
    }

    /** Every step done. */
    public boolean finished() {
        return next().isEmpty();
    }

    Checklist withAccount(Boolean connected) {
        return new Checklist(connected, room, link, file, roomId);
    }

    boolean done(Item item) {
        return switch (item) {
            case ACCOUNT -> Boolean.TRUE.equals(account);
            case ROOM -> room;
            case LINK -> link;
            case FILE -> file;
        };
    }

    /**
     * The first step not done; empty when all are. A room adopted (the bot made admin by hand) counts even without a
     * connected account, but the account stays the first step: views and new rooms need it.
     */
    Optional<Item> next() {
        return Arrays.stream(Item.values()).filter(item -> !done(item)).findFirst();
    }
}
