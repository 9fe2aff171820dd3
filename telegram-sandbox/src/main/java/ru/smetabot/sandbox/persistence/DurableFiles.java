package ru.smetabot.sandbox.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crash-safe file writes: the bytes go to a temporary file next to the target, are forced to disk, and the
 * temporary file is renamed over the target in one atomic step, then the folder entry is forced too. A crash
 * leaves either the old file or the new one, never a torn one; a leftover {@code .tmp} is ignored and removed.
 * Hand-written because java.nio has the pieces (force, ATOMIC_MOVE) but no helper that combines them.
 */
final class DurableFiles {

    static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    /** Makes a rename or delete in {@code dir} durable; a no-op where the platform cannot open folders (Windows). */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Folders cannot be forced here; the rename itself is still atomic.
        }
    }

    /** Removes the temporary files a crash in the middle of a write left under {@code root}; returns how many. */
    static int removeLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> temps;
        try (Stream<Path> paths = Files.walk(root)) {
            temps = paths.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList();
        }
        for (Path temp : temps) {
            Files.deleteIfExists(temp);
        }
        return temps.size();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
