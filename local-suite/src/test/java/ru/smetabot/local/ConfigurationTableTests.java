package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The root README's Configuration table against what the services read (their application.yml placeholders). */
class ConfigurationTableTests {

    @Test
    void theConfigurationTableListsExactlyTheVariablesEachServiceReads() throws IOException {
        Map<String, List<String>> documented = DocumentedVariables.read(ComposeRendering.HOME.resolve("README.md"));
        for (String service : ComposeFileTests.JAVA_SERVICES) {
            String config = Files.readString(ComposeRendering.HOME.resolve(service + "-service/src/main/resources/application.yml"),
                    StandardCharsets.UTF_8);
            Set<String> reads = new TreeSet<>();
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(config);
            while (placeholder.find()) {
                reads.add(placeholder.group(1));
            }
            Set<String> listed = new TreeSet<>();
            documented.forEach((name, readers) -> {
                if (readers.contains(service)) {
                    listed.add(name);
                }
            });
            assertThat(listed).as("README's Configuration rows for %s against its application.yml", service).isEqualTo(reads);
        }
    }
}
