package ru.smetabot.sandbox.botapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import ru.smetabot.sandbox.state.SandboxException;
import tools.jackson.databind.ObjectMapper;

/** Reads query string, form, multipart and JSON parameters into one {@link BotRequest}. */
@Component
class BotRequestParser {

    private final ObjectMapper json;

    BotRequestParser(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    BotRequest parse(HttpServletRequest request) throws IOException, ServletException {
        Map<String, Object> params = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? null : v[0]));
        Map<String, BotRequest.Upload> files = new HashMap<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    files.put(part.getName(), new BotRequest.Upload(part.getSubmittedFileName(), part.getContentType(),
                            StreamUtils.copyToByteArray(part.getInputStream())));
                } else if (!params.containsKey(part.getName())) {
                    params.put(part.getName(), StreamUtils.copyToString(part.getInputStream(), StandardCharsets.UTF_8));
                }
            }
        }
        if (type != null && type.toLowerCase().contains("json")) {
            String body = StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                Object parsed;
                try {
                    parsed = json.readValue(body, Object.class);
                } catch (RuntimeException e) {
                    throw SandboxException.badRequest("can't parse JSON object", null);
                }
                if (!(parsed instanceof Map)) {
                    throw SandboxException.badRequest("JSON object expected", null);
                }
                params.putAll((Map<String, Object>) parsed);
            }
        }
        return new BotRequest(params, files, json);
    }
}
