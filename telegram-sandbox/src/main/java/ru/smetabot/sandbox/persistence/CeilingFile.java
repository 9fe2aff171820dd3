package ru.smetabot.sandbox.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.state.IdCeilings;

/** {@code ids.json} in the data directory: the id ceilings of a run that has not stopped cleanly. */
@Component
class CeilingFile implements IdCeilings.Store {

    static final String NAME = "ids.json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path file;

    CeilingFile(SandboxProperties properties) {
        this.file = properties.persistent() ? properties.dataDir().resolve(NAME) : null;
    }

    @Override
    public boolean durable() {
        return file != null;
    }

    @Override
    public Map<String, Long> load() {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return json.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Long>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the id ceilings " + file, e);
        }
    }

    @Override
    public void save(Map<String, Long> ceilings) {
        try {
            Files.createDirectories(file.getParent());
            DurableFiles.write(file, json.writeValueAsBytes(new TreeMap<>(ceilings)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the id ceilings " + file
                    + " (free space? permissions?)", e);
        }
    }

    /** After a clean stop the saved world is exact: ids continue from it without a gap. */
    void remove() throws IOException {
        if (file != null && Files.deleteIfExists(file)) {
            DurableFiles.forceDirectory(file.getParent());
        }
    }
}
