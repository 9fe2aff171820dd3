package ru.smetabot.userbot.routing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import ru.smetabot.userbot.session.LoginAttempts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
