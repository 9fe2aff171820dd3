package ru.smetabot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The root README's "Configuration" table: each variable and the compose services that read it. */
final class DocumentedVariables {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final List<String> SERVICES = List.of("bot", "userbot", "worker");

    private DocumentedVariables() {
    }

    /** Variable name to services; rows used only by the sandbox (never in production) are left out. */
    static Map<String, List<String>> read(Path readme) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("\n## Configuration");
        int end = text.indexOf("\n## ", start + 1);
        Map<String, List<String>> variables = new LinkedHashMap<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[1].contains("`")) {
                continue;
            }
            List<String> readers = readers(cells[2].trim());
            Matcher name = NAME.matcher(cells[1]);
            while (name.find() && !readers.isEmpty()) {
                variables.put(name.group(1), readers);
            }
        }
        return variables;
    }

    private static List<String> readers(String usedBy) {
        if (usedBy.equals("all") || usedBy.equals("each service")) {
            return SERVICES;
        }
        List<String> readers = new ArrayList<>();
        for (String part : usedBy.split(",")) {
            if (SERVICES.contains(part.trim())) {
                readers.add(part.trim());
            }
        }
        return readers;
    }
}
