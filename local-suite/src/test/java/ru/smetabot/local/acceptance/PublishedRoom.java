package ru.smetabot.local.acceptance;

import ru.smetabot.sandbox.client.SandboxTypes.Message;

/**
 * The starting point of the troubleshooting and fault scenarios: a connected contractor's room with
 * one published file that one client has read, and whose card already shows that view.
 */
record PublishedRoom(Contractor owner, String title, String file, long chatId, long roomId, Message card) {

    static PublishedRoom withOneView(Suite suite, String ownerName, String title, String file) {
        Contractor owner = Contractor.signUp(suite, ownerName);
        owner.connectAccount();
        long chatId = owner.createRoom(title);
        owner.publish(title, file);
        Client.joinByLink(suite, chatId).readPosts();
        Message card = owner.refreshUntil(owner.openCard(title), file + " — 👁 1");
        long roomId = suite.queryLong("SELECT id FROM core.channels WHERE tg_chat_id = ?", chatId);
        return new PublishedRoom(owner, title, file, chatId, roomId, card);
    }

    /** What the worker's last finished run of this room says: outcome and reason. */
    static String lastRun(Suite suite, long roomId, String trigger) {
        var rows = suite.query("""
                SELECT outcome, reason FROM analytics.refresh_runs
                 WHERE channel_id = ? AND trigger = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1""",
                roomId, trigger);
        return rows.isEmpty() ? "none" : rows.get(0).get(0) + "/" + rows.get(0).get(1);
    }
}
