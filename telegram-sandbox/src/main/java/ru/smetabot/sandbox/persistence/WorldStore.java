package ru.smetabot.sandbox.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.SandboxProperties;
import ru.smetabot.sandbox.accounts.AccountService;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredPart;

/**
 * Keeps the world in {@code sandbox.data-dir}: loads {@code world.json} before the sandbox serves anything,
 * saves it {@code sandbox.save-delay} after a change and once more at shutdown, and clears it on reset.
 * Without a data directory it does nothing and the sandbox lives in memory.
 */
@Component
public class WorldStore {

    static final String WORLD = "world.json";
    static final String FILES = "files";
    static final int FORMAT = 1;

    private static final Logger log = LoggerFactory.getLogger(WorldStore.class);

    private final SandboxState state;
    private final List<StoredPart<?>> parts;
    private final AccountService accounts;
    private final CeilingFile ceilings;
    private final Path dir;
    private final Blobs blobs;
    private final JsonMapper mapper;
    private final MeterRegistry meters;
    private long savedStateChanges = -1;
    private long savedPartChanges = -1;
    private byte[] savedBytes;
    private long nextSaveNanos;
    private boolean closed;

    WorldStore(SandboxProperties properties, SandboxState state, List<StoredPart<?>> parts, AccountService accounts,
               CeilingFile ceilings, ObjectProvider<MeterRegistry> meters) {
        this.state = state;
        this.parts = parts;
        this.accounts = accounts;
        this.ceilings = ceilings;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.dir = properties.persistent() ? properties.dataDir().toAbsolutePath() : null;
        this.blobs = new Blobs(dir == null ? Path.of(FILES) : dir.resolve(FILES));
        this.mapper = WorldMapper.create(blobs);
    }

    public boolean enabled() {
        return dir != null;
    }

    /** Loads the saved world, if any; runs before the web server starts. */
    @PostConstruct
    synchronized void load() throws IOException {
        if (dir == null) {
            log.info("Sandbox world kept in memory only (set SANDBOX_DATA_DIR to keep it across restarts)");
            return;
        }
        Files.createDirectories(dir);
        int leftovers = DurableFiles.removeLeftovers(dir);
        if (leftovers > 0) {
            log.warn("Removed {} half-written file(s) in {} left by a stop in the middle of a save; "
                    + "the last complete save is used", leftovers, dir);
        }
        Path world = dir.resolve(WORLD);
        if (!Files.isRegularFile(world)) {
            log.info("No saved sandbox world in {}: starting with an empty one", dir);
            return;
        }
        long started = System.nanoTime();
        try {
            byte[] bytes = Files.readAllBytes(world);
            Summary summary = read(bytes);
            savedBytes = bytes;
            log.info("Sandbox world loaded from {} in {} ms: {}", world, (System.nanoTime() - started) / 1_000_000,
                    summary);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The saved sandbox world " + world + " cannot be loaded (" + e.getMessage()
                    + "). Move " + dir + " away to start with an empty world, or fix the file.", e);
        } finally {
            blobs.loaded();
        }
        accounts.declareConfiguredBots();
    }

    private Summary read(byte[] bytes) {
        state.locked(() -> WorldReader.read(mapper, state, parts, bytes));
        return state.locked(() -> new Summary(state.accounts().size(), state.channels().size(),
                state.channels().stream().mapToInt(c -> c.posts().size()).sum()));
    }

    /**
     * Saves when anything may have changed since the last save. A save holds the world lock while it serialises,
     * so the next one waits at least nine times as long as that took: a big world is never locked for more than
     * a tenth of the time.
     */
    @Scheduled(fixedDelayString = "${sandbox.save-delay:500ms}", initialDelayString = "${sandbox.save-delay:500ms}")
    void saveIfChanged() {
        if (dir == null || System.nanoTime() - nextSaveNanos < 0) {
            return;
        }
        try {
            save(false);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save the sandbox world to {} ({}); will retry. Check free space and permissions.",
                    dir, e.toString());
        }
    }

    synchronized void save(boolean always) throws IOException {
        if (dir == null || closed) {
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            outcome = write(always) ? "saved" : "unchanged";
        } finally {
            sample.stop(meters.timer("sandbox.world.save", "outcome", outcome));
        }
    }

    private boolean write(boolean always) throws IOException {
        long partChanges = parts.stream().mapToLong(StoredPart::changes).sum();
        byte[][] bytes = new byte[1][];
        long stateChanges = state.locked(() -> {
            long changes = state.changes();
            // This very call counts as one: nothing else happened when it is exactly one more than last time.
            if (!always && changes == savedStateChanges + 1 && partChanges == savedPartChanges) {
                return changes;
            }
            long started = System.nanoTime();
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("format", FORMAT);
            saved.put("world", state);
            Map<String, Object> partsSaved = new LinkedHashMap<>();
            parts.forEach(part -> partsSaved.put(part.key(), part.save()));
            saved.put("parts", partsSaved);
            bytes[0] = mapper.writeValueAsBytes(saved);
            long took = System.nanoTime() - started;
            nextSaveNanos = System.nanoTime() + 9 * took;
            return changes;
        });
        boolean changed = bytes[0] != null && !Arrays.equals(bytes[0], savedBytes);
        if (changed) {
            // Should this throw, the counters stay behind and the next tick serialises and tries again.
            blobs.flush();
            DurableFiles.write(dir.resolve(WORLD), bytes[0]);
            savedBytes = bytes[0];
        }
        savedStateChanges = stateChanges;
        savedPartChanges = partChanges;
        return changed;
    }

    /**
     * Resets the sandbox through {@code resetWorld}, removes everything stored and saves the clean world, so a
     * restart after a reset starts clean too.
     */
    public synchronized void reset(Runnable resetWorld) {
        resetWorld.run();
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(WORLD));
            ceilings.remove();
            DurableFiles.deleteTree(dir.resolve(FILES));
            blobs.forget();
            savedBytes = null;
            save(true);
            log.info("Sandbox reset: the stored world in {} was cleared", dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox was reset but its stored world in " + dir
                    + " could not be cleared", e);
        }
    }

    /** The final save after the web server has stopped; then ids continue from it without a gap. */
    @PreDestroy
    synchronized void close() {
        if (dir == null || closed) {
            return;
        }
        try {
            save(true);
            ceilings.remove();
            log.info("Sandbox world saved to {}", dir.resolve(WORLD));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save the sandbox world at shutdown to {} ({}); the next start uses the last "
                    + "save and skips ids ahead", dir, e.toString());
        } finally {
            closed = true;
        }
    }

    private record Summary(int accounts, int channels, int posts) {
    }
}
