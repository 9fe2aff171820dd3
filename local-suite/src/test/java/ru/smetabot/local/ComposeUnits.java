package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes and durations as compose writes them (1.29 keeps the file's "640m" and "2m", v2 renders bytes and "2m0s"). */
final class ComposeUnits {

    static final long MIB = 1024 * 1024;

    private ComposeUnits() {
    }

    /** "640m", "1g" or bytes. */
    static long bytes(Object value) {
        Matcher m = Pattern.compile("(\\d+)\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(String.valueOf(value).trim());
        assertThat(m.matches()).as("memory %s", value).isTrue();
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1024;
            case "m" -> MIB;
            case "g" -> 1024 * MIB;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /** Compose durations: "45s", "2m" (1.29) or "2m0s" (v2), "1h30m". */
    static Duration duration(Object value) {
        Matcher m = Pattern.compile("(\\d+)(h|ms|m|s)").matcher(String.valueOf(value));
        Duration total = Duration.ZERO;
        int matched = 0;
        while (m.find()) {
            matched += m.group().length();
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofSeconds(n);
            });
        }
        assertThat(matched).as("duration %s", value).isEqualTo(String.valueOf(value).length()).isPositive();
        return total;
    }
}
