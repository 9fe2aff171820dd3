package ru.smetabot.worker.refresh;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.smetabot.worker.WorkerProperties;

/** /refresh/** needs {@code Authorization: Bearer <WORKER_API_TOKEN>}; compared in constant time. */
@Configuration(proxyBeanMethods = false)
class ApiToken implements WebMvcConfigurer, HandlerInterceptor {

    private final byte[] expected;

    ApiToken(WorkerProperties properties) {
        this.expected = ("Bearer " + properties.apiToken()).getBytes(StandardCharsets.UTF_8);
    }

    /** The request carried no or a wrong token. */
    static class MissingTokenException extends RuntimeException {
        MissingTokenException() {
            super("send Authorization: Bearer <WORKER_API_TOKEN>");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/refresh/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new MissingTokenException();
        }
        return true;
    }
}
