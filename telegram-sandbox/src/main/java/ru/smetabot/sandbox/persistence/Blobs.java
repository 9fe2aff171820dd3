package ru.smetabot.sandbox.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ru.smetabot.sandbox.state.StoredFile;

/**
 * Sent files' bytes, stored once per content under {@code files/<first two hex digits>/<sha-256>}; the saved
 * world refers to them by hash. New contents are written (durably) before the world that refers to them.
 */
final class Blobs {

    private final Path root;
    private final Map<String, String> hashByFileId = new ConcurrentHashMap<>();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> toWrite = new LinkedHashMap<>();
    private final Map<String, byte[]> readCache = new HashMap<>();

    Blobs(Path root) {
        this.root = root;
    }

    /** The hash a saved world refers to {@code file} by; its bytes are written by the next {@link #flush}. */
    synchronized String register(StoredFile file) {
        String hash = hashByFileId.computeIfAbsent(file.fileId(), id -> sha256(file.content()));
        if (!written.contains(hash)) {
            toWrite.put(hash, file.content());
        }
        return hash;
    }

    /** Writes the contents registered since the last flush. */
    void flush() throws IOException {
        Map<String, byte[]> batch;
        synchronized (this) {
            batch = new LinkedHashMap<>(toWrite);
            toWrite.clear();
        }
        for (Map.Entry<String, byte[]> blob : batch.entrySet()) {
            Path path = path(blob.getKey());
            if (!Files.exists(path) || Files.size(path) != blob.getValue().length) {
                Files.createDirectories(path.getParent());
                DurableFiles.write(path, blob.getValue());
            }
            written.add(blob.getKey());
        }
    }

    /** The bytes of a stored content; one array per content while a world is loaded. */
    synchronized byte[] read(String hash, String fileId) {
        return readCache.computeIfAbsent(hash, h -> {
            Path path = path(h);
            try {
                byte[] bytes = Files.readAllBytes(path);
                written.add(h);
                hashByFileId.put(fileId, h);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("the saved world refers to " + path
                        + ", which cannot be read", e);
            }
        });
    }

    /** Ends a load: the cache only shares arrays between files of the same content. */
    synchronized void loaded() {
        readCache.clear();
    }

    /** After the stored world is removed nothing is on disk any more. */
    synchronized void forget() {
        hashByFileId.clear();
        written.clear();
        toWrite.clear();
        readCache.clear();
    }

    private Path path(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha-256 hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
