package ru.smetabot.userbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file ({@code USERBOT_SANDBOX_SESSIONS_FILE}) where earlier versions kept the sandbox gateway's sessions
 * (account → the sandbox's session token); read once at start to import them into PostgreSQL.
 */
final class SandboxSessionFile {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path file;

    SandboxSessionFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Map<Long, String> load() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return json.readValue(Files.readAllBytes(file), new TypeReference<Map<Long, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox sessions " + file
                    + "; delete it and connect the accounts again", e);
        }
    }
}
