package ru.smetabot.userbot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.smetabot.userbot.UserbotProperties;
import ru.smetabot.userbotapi.UserbotProblems;

/** Every API call must carry {@code Authorization: Bearer <USERBOT_API_TOKEN>}, compared in constant time. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    ApiTokenFilter(UserbotProperties properties) {
        this.expected = properties.apiToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(BEARER)
                && MessageDigest.isEqual(expected, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("refused {} {} from {}: {} bearer token; callers must send USERBOT_API_TOKEN",
                request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), header == null ? "no" : "wrong");
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, UserbotProblems.UNAUTHENTICATED,
                header == null ? "Authorization: Bearer <USERBOT_API_TOKEN> is required" : "the bearer token is not USERBOT_API_TOKEN");
    }
}
