package ru.smetabot.userbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox gateway's sessions (account → the sandbox's session token) in a file
 * ({@code USERBOT_SANDBOX_SESSIONS_FILE}), so a connected account stays connected across a restart, as a TDLib
 * session database does. Written to a
 * temporary file, forced to disk and renamed over the old one, so a crash never leaves it half-written.
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

    synchronized void save(Map<Long, String> sessions) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, json.writeValueAsBytes(new TreeMap<>(sessions)));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox sessions " + file + " (free space? permissions?)",
                    e);
        }
    }
}
