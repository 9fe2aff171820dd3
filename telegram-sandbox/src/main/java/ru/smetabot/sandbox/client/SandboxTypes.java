package ru.smetabot.sandbox.client;

import java.util.List;
import java.util.Map;

/** What the control API returns, as records (JSON is snake_case; unknown fields are ignored). */
public final class SandboxTypes {

    private SandboxTypes() {
    }

    /** A user or a bot (bots carry their token). */
    public record Account(long id, boolean bot, String firstName, String lastName, String username,
                          String languageCode, String phone, String token) {
    }

    public record Document(String fileId, String fileName, String mimeType, int size) {
    }

    /** A photo the bot sent; its bytes come from {@code SandboxClient.file(fileId)}. */
    public record Photo(String fileId, int width, int height, int size) {
    }

    /** Inline buttons keep their Bot API fields (text, callback_data, url...). */
    public record Message(int messageId, long date, long fromId, boolean outgoing, String text, Document document,
                          Photo photo, List<List<Map<String, Object>>> inlineKeyboard, int editCount, Long editDate,
                          Integer views, boolean protectedContent) {

        /** The callback_data of the inline button with this text. */
        public String callbackData(String buttonText) {
            return inlineKeyboard == null ? null : inlineKeyboard.stream().flatMap(List::stream)
                    .filter(b -> buttonText.equals(b.get("text"))).map(b -> (String) b.get("callback_data"))
                    .findFirst().orElse(null);
        }
    }

    /** A private chat as the user sees it; {@code replyKeyboard} rows of buttons (strings or objects). */
    public record Dialog(Account bot, long userId, List<Message> messages, List<List<Object>> replyKeyboard) {

        public Message last() {
            return messages.isEmpty() ? null : messages.get(messages.size() - 1);
        }
    }

    public record Admin(long userId, Map<String, Boolean> rights) {
    }

    public record Member(long userId, String status, long date, String inviteLink) {
    }

    public record Link(String inviteLink, String name, Long expireDate, Integer memberLimit,
                       boolean createsJoinRequest, boolean revoked, int joined, long creatorId) {
    }

    public record JoinRequest(long userId, long date, String inviteLink) {
    }

    public record Channel(long id, String title, String username, long ownerId, int memberCount, int postCount,
                          List<Admin> admins, List<Member> members, List<Link> inviteLinks,
                          List<JoinRequest> joinRequests) {
    }

    /** "joined" or "requested". */
    public record JoinOutcome(long chatId, String outcome) {
    }

    public record CallbackAnswer(String callbackId, boolean answered, String text, Boolean showAlert) {
    }

    /** A pressed button's message after the bot edited it, with wall-clock milliseconds of press, answer and edit. */
    public record CallbackEdit(String callbackId, boolean answered, String text, Boolean showAlert, long pressedAtMs,
                               long answeredAtMs, long editedAtMs, Message message) {
    }

    /** A decided join request: "approved" or "declined", when (wall-clock ms), and calls deciding it again. */
    public record JoinDecision(long userId, String inviteLink, String outcome, long actorId, long requestedAtMs,
                               long decidedAtMs, int laterAttempts) {
    }

    /** kind: FLOOD_WAIT, OUTAGE, LATENCY or HOLD; {@code held}: calls a HOLD keeps waiting right now. */
    public record Fault(String id, String target, String kind, Integer seconds, Integer latencyMs, Integer remaining,
                        Long chatId, int held) {
    }

    /** Counters read without counting a view; ids without a post are in {@code missing}. */
    public record Views(Map<Integer, Integer> views, List<Integer> missing) {
    }
}
