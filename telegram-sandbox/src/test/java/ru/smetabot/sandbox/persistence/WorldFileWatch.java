package ru.smetabot.sandbox.persistence;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits, on file-system events rather than by sleeping, until a saved file contains a text. */
final class WorldFileWatch {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private WorldFileWatch() {
    }

    static String awaitContaining(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                String content = Files.isRegularFile(file) ? Files.readString(file) : "";
                if (content.contains(text)) {
                    return content;
                }
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watch.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    throw new AssertionError(file + " did not come to contain '" + text + "' within " + TIMEOUT
                            + "; it reads: " + content);
                }
                key.pollEvents();
                key.reset();
            }
        }
    }
}
