package ru.smetabot.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built executable jars of the suite's processes are, under SMETABOT_HOME. */
final class ServiceJars {

    private ServiceJars() {
    }

    static Path service(Path home, String module) {
        return home.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    static Path sandbox(Path home) throws IOException {
        Path target = home.resolve("telegram-sandbox").resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        return target.resolve("telegram-sandbox-exec.jar");
    }
}
