package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each JVM of the suite starts with, beyond the caller's environment. */
class ProcessEnvironmentsTests {

    @Test
    void everyJvmGetsTwoMallocArenasUnlessTheCallerSetsIt() {
        ProcessEnvironments defaults = new ProcessEnvironments(SuiteSettings.fromEnvironment(Map.of()));
        ProcessEnvironments own = new ProcessEnvironments(SuiteSettings.fromEnvironment(Map.of("MALLOC_ARENA_MAX", "8")));

        assertThat(defaults.service(null, 1, 2, Map.of())).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(defaults.sandbox()).containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(own.service(null, 1, 2, Map.of())).containsEntry("MALLOC_ARENA_MAX", "8");
        assertThat(own.sandbox()).containsEntry("MALLOC_ARENA_MAX", "8");
    }
}
