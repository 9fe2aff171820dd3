package ru.smetabot.bot.channels;

/**
 * Reach of a file: its views ÷ the room's members when it was published. Members are the clients the
 * bot recorded (core.clients) whose latest join was at or before the post and who had not left by then;
 * the owner and other administrators are not clients and do not count (the question is "did the
 * clients see it"), while Telegram's views count everyone, so reach can pass 100% (an admin's view, or a
 * client who joined later). A client who left and came back counts from the latest join only, as
 * core.clients keeps only that. Pure, apart from the SQL fragment both the card and the export use.
 */
public final class Reach {

    /** Members at p.posted_at for a query over {@code core.publications p}. */
    public static final String MEMBERS_AT_POST = """
            (SELECT count(*) FROM core.clients k WHERE k.channel_id = p.channel_id AND k.joined_at IS NOT NULL
                AND k.joined_at <= p.posted_at AND (k.left_at IS NULL OR k.left_at > p.posted_at))""";

    private Reach() {
    }

    /** Whole percent, rounded half up; null when nobody was a member (no reach to speak of). */
    public static Integer percent(long views, long members) {
        if (members <= 0) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, (views * 100 + members / 2) / members);
    }
}
