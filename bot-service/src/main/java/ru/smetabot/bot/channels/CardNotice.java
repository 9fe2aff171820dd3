package ru.smetabot.bot.channels;

/**
 * Why the card shows the last known numbers instead of fresh ones.
 *
 * @param retryAfterSeconds Telegram's flood wait (FLOOD_WAIT only)
 * @param detail            a short reason for OTHER
 */
public record CardNotice(Kind kind, long retryAfterSeconds, String detail) {

    public enum Kind { FLOOD_WAIT, UNAVAILABLE, OTHER }

    public static CardNotice floodWait(long seconds) {
        return new CardNotice(Kind.FLOOD_WAIT, seconds, null);
    }

    public static CardNotice unavailable() {
        return new CardNotice(Kind.UNAVAILABLE, 0, null);
    }

    public static CardNotice other(String detail) {
        return new CardNotice(Kind.OTHER, 0, detail);
    }
}
