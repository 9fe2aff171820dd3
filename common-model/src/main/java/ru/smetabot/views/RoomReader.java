package ru.smetabot.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;
import ru.smetabot.userbotapi.ViewsResponse;
import ru.smetabot.views.RefreshRunStore.LivePost;
import ru.smetabot.views.RefreshRunStore.RoomTarget;
import ru.smetabot.views.ViewCountsWriter.Count;

/**
 * Reads a room's counts from the userbot in calls of ≤ batchSize ids (the userbot asks Telegram 100 at a
 * time); the first userbot error stops the reading and what was read is kept. A call of more than 100 ids
 * asks for a partial answer, so the counts of the batches Telegram answered before an error inside the call
 * are kept too (as with calls of 100). Shared by the one-room and the batched routine.
 */
final class RoomReader {

    /** Telegram's limit of ids per getViews call (the userbot's batches). */
    static final int TELEGRAM_BATCH = 100;

    private final UserbotApi userbot;
    private final int batchSize;

    RoomReader(UserbotApi userbot, int batchSize) {
        this.userbot = userbot;
        this.batchSize = batchSize;
    }

    /**
     * What reading a room gave.
     *
     * @param posts     live posts asked about
     * @param counts    new counts (views null: Telegram reported the post missing)
     * @param answered  posts with an answer (a count or missing)
     * @param calls     userbot calls made
     * @param stoppedBy the error that stopped the reading, or null
     * @param noAccount the room has posts but no connected account: nothing was asked
     */
    record Read(int posts, List<Count> counts, int answered, int calls, UserbotException stoppedBy,
            boolean noAccount) {
    }

    /** {@code beforeEachCall} runs before every userbot call (the lease's heartbeat). */
    Read read(RoomTarget room, List<LivePost> posts, Runnable beforeEachCall) {
        if (!posts.isEmpty() && room.account() == null) {
            return new Read(posts.size(), List.of(), 0, 0, null, true);
        }
        Map<Long, Long> publicationByMessage = new HashMap<>();
        posts.forEach(p -> publicationByMessage.put(p.messageId(), p.publicationId()));
        List<Count> counts = new ArrayList<>(posts.size());
        Set<Long> answered = new HashSet<>();
        int calls = 0;
        for (int from = 0; from < posts.size(); from += batchSize) {
            List<Long> ids = posts.subList(from, Math.min(posts.size(), from + batchSize)).stream()
                    .map(LivePost::messageId).toList();
            beforeEachCall.run();
            calls++;
            try {
                ViewsResponse answer = userbot.getViews(new GetViewsRequest(room.account(), room.chatId(), ids,
                        ids.size() > TELEGRAM_BATCH ? Boolean.TRUE : null));
                collect(answer, ids, publicationByMessage, counts, answered);
                if (answer.stopped() != null) {
                    return new Read(posts.size(), counts, answered.size(), calls, answer.stopped().toException(),
                            false);
                }
            } catch (UserbotException e) {
                return new Read(posts.size(), counts, answered.size(), calls, e, false);
            }
        }
        return new Read(posts.size(), counts, answered.size(), calls, null, false);
    }

    /** Keeps only the ids asked for; a post counts once even if the userbot repeats it. */
    private static void collect(ViewsResponse answer, List<Long> asked, Map<Long, Long> publicationByMessage,
            List<Count> counts, Set<Long> answered) {
        for (Long messageId : asked) {
            Integer views = answer.views().get(messageId);
            if (views != null && views >= 0) {
                if (answered.add(messageId)) {
                    counts.add(new Count(publicationByMessage.get(messageId), views));
                }
            } else if (answer.missing().contains(messageId) && answered.add(messageId)) {
                counts.add(new Count(publicationByMessage.get(messageId), null));
            }
        }
    }
}
