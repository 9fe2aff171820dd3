package ru.smetabot.bot.telegram;

import java.util.Locale;

/**
 * What a Bot API error means, recognised in this one place from Telegram's error_code and description
 * (the descriptions are Telegram's exact wording, as in the Bot API and its error list; the upper-case
 * ones are MTProto error names Telegram passes through). Everything else is {@link #OTHER}.
 */
public enum TelegramError {
    /** 400 "message is not modified": an edit that changes nothing, i.e. done. */
    NOT_MODIFIED,
    /** 400/403 "not enough rights…", CHAT_ADMIN_REQUIRED, "need administrator rights…": the bot lacks a right. */
    NO_ADMIN_RIGHT,
    /** 400 "chat not found" / CHANNEL_INVALID / PEER_ID_INVALID: the chat does not exist for the bot. */
    CHAT_NOT_FOUND,
    /** 403 "bot was kicked…" / "bot is not a member…": the bot is no longer in the chat. */
    BOT_REMOVED,
    /** 403 "bot was blocked by the user" / "user is deactivated": nothing can reach that user. */
    BLOCKED_BY_USER,
    /** 400 HIDE_REQUESTER_MISSING: no pending join request (decided by someone, or withdrawn). */
    REQUEST_MISSING,
    /** 400 USER_ALREADY_PARTICIPANT: the user is already a member. */
    ALREADY_PARTICIPANT,
    /** 400 INVITE_HASH_EXPIRED / INVITE_HASH_INVALID: Telegram no longer knows the invite link. */
    INVITE_LINK_GONE,
    /** 400 "query is too old…": the callback query can no longer be answered. */
    QUERY_TOO_OLD,
    /** 400 "message is too long" / "message caption is too long" / BUTTON_DATA_INVALID / "text is too long". */
    TOO_LONG,
    /** 400 "can't parse entities…": our HTML was refused. */
    BAD_MARKUP,
    /** 429 Too Many Requests: wait {@link BotApiException#retryAfter()}. */
    FLOOD_WAIT,
    /** No answer from Telegram in time, or a transport failure (error_code 0). */
    NETWORK,
    /** Anything else: show a generic hint and log the raw text. */
    OTHER;

    static TelegramError classify(int errorCode, String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (errorCode == 0) {
            return NETWORK;
        }
        if (errorCode == 429) {
            return FLOOD_WAIT;
        }
        if (d.contains("message is not modified") || d.contains("chat_not_modified") || d.contains("title is not modified")) {
            return NOT_MODIFIED;
        }
        // Telegram answers these two as 400 "Bad Request: …" only; another code carrying the word is something else.
        if (errorCode == 400 && d.contains("hide_requester_missing")) {
            return REQUEST_MISSING;
        }
        if (errorCode == 400 && d.contains("user_already_participant")) {
            return ALREADY_PARTICIPANT;
        }
        if (d.contains("invite_hash")) {
            return INVITE_LINK_GONE;
        }
        if (d.contains("not enough rights") || d.contains("chat_admin_required") || d.contains("administrator rights")
                || d.contains("have no rights")) {
            return NO_ADMIN_RIGHT;
        }
        if (d.contains("bot was kicked") || d.contains("bot is not a member")) {
            return BOT_REMOVED;
        }
        if (d.contains("bot was blocked by the user") || d.contains("user is deactivated")) {
            return BLOCKED_BY_USER;
        }
        if (d.contains("chat not found") || d.contains("channel_invalid") || d.contains("peer_id_invalid")
                || d.contains("channel_private")) {
            return CHAT_NOT_FOUND;
        }
        if (d.contains("query is too old")) {
            return QUERY_TOO_OLD;
        }
        if (d.contains("too long") || d.contains("_too_long") || d.contains("button_data_invalid")) {
            return TOO_LONG;
        }
        if (d.contains("can't parse entities")) {
            return BAD_MARKUP;
        }
        return OTHER;
    }
}
