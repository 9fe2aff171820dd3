package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Telegram's error texts (as the Bot API returns them) recognised once, in {@link TelegramError}. */
class BotApiExceptionTests {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "400|Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message|NOT_MODIFIED",
        "400|Bad Request: not enough rights to manage chat invite link|NO_ADMIN_RIGHT",
        "400|Bad Request: CHAT_ADMIN_REQUIRED|NO_ADMIN_RIGHT",
        "403|Forbidden: need administrator rights in the channel chat|NO_ADMIN_RIGHT",
        "400|Bad Request: not enough rights to restrict/unrestrict chat member|NO_ADMIN_RIGHT",
        "400|Bad Request: chat not found|CHAT_NOT_FOUND",
        "403|Forbidden: bot was kicked from the channel chat|BOT_REMOVED",
        "403|Forbidden: bot is not a member of the channel chat|BOT_REMOVED",
        "403|Forbidden: bot was blocked by the user|BLOCKED_BY_USER",
        "400|Bad Request: HIDE_REQUESTER_MISSING|REQUEST_MISSING",
        "400|Bad Request: USER_ALREADY_PARTICIPANT|ALREADY_PARTICIPANT",
        "400|Bad Request: INVITE_HASH_EXPIRED|INVITE_LINK_GONE",
        "400|Bad Request: query is too old and response timeout expired or query ID is invalid|QUERY_TOO_OLD",
        "400|Bad Request: message is too long|TOO_LONG",
        "400|Bad Request: message caption is too long|TOO_LONG",
        "400|Bad Request: BUTTON_DATA_INVALID|TOO_LONG",
        "400|Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 0|BAD_MARKUP",
        "429|Too Many Requests: retry after 42|FLOOD_WAIT",
        "0|no answer within 15 s|NETWORK",
        "400|Bad Request: PEER_FLOOD|OTHER"})
    void eachTelegramErrorIsRecognisedFromItsExactText(int code, String description, TelegramError expected) {
        assertThat(new BotApiException("someMethod", code, description, null).reason()).isEqualTo(expected);
    }

    @Test
    void thePredicatesNameTheReasons() {
        assertThat(only(error(400, "Bad Request: message is not modified"), BotApiException::isNotModified)).isTrue();
        assertThat(only(error(400, "Bad Request: CHAT_ADMIN_REQUIRED"), BotApiException::lacksAdminRight)).isTrue();
        assertThat(only(error(400, "Bad Request: chat not found"), BotApiException::isChatNotFound)).isTrue();
        assertThat(only(error(403, "Forbidden: bot was blocked by the user"), BotApiException::isBlockedByUser)).isTrue();
        assertThat(only(error(400, "Bad Request: HIDE_REQUESTER_MISSING"), BotApiException::isRequestMissing)).isTrue();
        assertThat(only(error(400, "Bad Request: USER_ALREADY_PARTICIPANT"), BotApiException::isAlreadyParticipant)).isTrue();
        assertThat(only(error(400, "Bad Request: INVITE_HASH_INVALID"), BotApiException::isInviteLinkGone)).isTrue();
        assertThat(only(error(400, "Bad Request: can't parse entities: x"), BotApiException::isBadMarkup)).isTrue();
        assertThat(only(error(400, "Bad Request: PEER_FLOOD"), e -> false)).isTrue();
    }

    @Test
    void retryAfterIsTelegramsNumberOfA429() {
        ResponseParameters parameters = new ResponseParameters();
        parameters.setRetryAfter(42);
        TelegramApiRequestException cause = new TelegramApiRequestException("Error executing", ApiResponse.builder().ok(false)
                .errorCode(429).errorDescription("Too Many Requests: retry after 42").parameters(parameters).build());
        BotApiException e = new BotApiException("sendMessage", 429, cause.getApiResponse(), cause);

        assertThat(e.isFloodWait()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(error(400, "Bad Request: chat not found").retryAfter()).isZero();
        assertThat(e.description()).isEqualTo("Too Many Requests: retry after 42");
        assertThat(e.method()).isEqualTo("sendMessage");
    }

    private static BotApiException error(int code, String description) {
        return new BotApiException("m", code, description, null);
    }

    /** True when {@code expected} holds and no other predicate does. */
    private static boolean only(BotApiException e, Predicate<BotApiException> expected) {
        java.util.List<Predicate<BotApiException>> all = java.util.List.of(BotApiException::isNotModified,
                BotApiException::lacksAdminRight, BotApiException::isChatNotFound, BotApiException::isBotRemoved,
                BotApiException::isBlockedByUser, BotApiException::isRequestMissing, BotApiException::isAlreadyParticipant,
                BotApiException::isInviteLinkGone, BotApiException::isQueryTooOld, BotApiException::isTooLong,
                BotApiException::isBadMarkup, BotApiException::isFloodWait, BotApiException::isNetwork);
        long holding = all.stream().filter(p -> p.test(e)).count();
        return holding == (expected.test(e) ? 1 : 0);
    }
}
