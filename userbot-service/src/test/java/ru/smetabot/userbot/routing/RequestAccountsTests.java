package ru.smetabot.userbot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import ru.smetabot.userbot.session.LoginAttempts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The account of a request, read from the body's tokens, is the one reading the body as a tree found. */
class RequestAccountsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MANY_IDS = LongStream.rangeClosed(1, 1000).mapToObj(Long::toString)
            .collect(Collectors.joining(","));

    private final LoginAttempts logins = mock(LoginAttempts.class);
    private final RequestAccounts accounts = new RequestAccounts(logins);

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"account\":5,\"chatId\":-1001,\"messageIds\":[1,2,3]}",
        "{\"chatId\":-1001,\"partial\":true,\"messageIds\":[MANY_IDS],\"account\":42}",
        "{\"account\":5,\"account\":6}",
        "{\"account\":5,\"account\":\"6\"}",
        "{\"account\":\"5\"}",
        "{\"account\":5.0}",
        "{\"account\":99999999999999999999999}",
        "{\"account\":-7}",
        "{\"nested\":{\"account\":5},\"list\":[{\"account\":6}]}",
        "{\"loginId\":\"known\"}",
        "{\"loginId\":\"unknown\"}",
        "{\"loginId\":\"  \"}",
        "{\"loginId\":7}",
        "{\"account\":null,\"loginId\":\"known\"}",
        "{\"account\":5} x",
        "{\"account\":5} {}",
        "{\"account\":5,\"messageIds\":[1,2,}",
        "{\"account\":5",
        "[{\"account\":5}]",
        "5",
        "\"account\"",
        "   ",
        "{}",
    })
    void findsWhatTheTreeFound(String body) {
        when(logins.accountOf(anyString())).thenReturn(OptionalLong.empty());
        when(logins.accountOf("known")).thenReturn(OptionalLong.of(77L));
        byte[] bytes = body.replace("MANY_IDS", MANY_IDS).getBytes(StandardCharsets.UTF_8);

        assertThat(accounts.of(new MockHttpServletRequest("POST", "/rooms/get_views"), bytes))
                .isEqualTo(fromTree(bytes));
    }

    /** The former reading: the whole body as a tree. */
    private Long fromTree(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        JsonNode account = json.path("account");
        if (account.isIntegralNumber() && account.canConvertToLong()) {
            return account.asLong();
        }
        JsonNode loginId = json.path("loginId");
        if (loginId.isString() && !loginId.asString().isBlank()) {
            var owner = logins.accountOf(loginId.asString());
            return owner.isPresent() ? owner.getAsLong() : null;
        }
        return null;
    }
}
