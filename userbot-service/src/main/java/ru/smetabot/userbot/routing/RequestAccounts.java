package ru.smetabot.userbot.routing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import ru.smetabot.userbot.session.LoginAttempts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** The account a request is for: {@code account} in the body or the query, or the account of its {@code loginId}. */
@Component
class RequestAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoginAttempts logins;

    RequestAccounts(LoginAttempts logins) {
        this.logins = logins;
    }

    /** Null when the request names no account (or is malformed: the controller then answers 400 or 404). */
    Long of(HttpServletRequest request, byte[] body) {
        if (body.length == 0) {
            String account = request.getParameter("account");
            return account != null && account.matches("\\d{1,18}") ? Long.valueOf(account) : null;
        }
        Named named;
        try {
            named = topLevel(body);
        } catch (JacksonException e) {
            return null;
        }
        if (named == null) {
            return null;
        }
        if (named.account() != null) {
            return named.account();
        }
        if (named.loginId() != null && !named.loginId().isBlank()) {
            var owner = logins.accountOf(named.loginId());
            return owner.isPresent() ? owner.getAsLong() : null;
        }
        return null;
    }

    /** The body's top-level {@code account} (an integer that fits a long) and {@code loginId} (a string). */
    private record Named(Long account, String loginId) {
    }

    /**
     * Reads the body's top-level fields as tokens, skipping nested values, instead of building a tree: a
     * {@code /rooms/get_views} body carries up to 10 000 ids, and every request passes here before its controller
     * parses the body again. Hand-written because no library call reads two fields without binding the rest; it
     * answers what reading the tree did: null when the body is not an object or has trailing content, the last
     * value of a repeated field, and a {@link JacksonException} when the JSON is malformed anywhere.
     */
    private static Named topLevel(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Long account = null;
            String loginId = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("account".equals(name)) {
                    account = value == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : null;
                } else if ("loginId".equals(name)) {
                    loginId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return parser.nextToken() == null ? new Named(account, loginId) : null;
        }
    }
}
