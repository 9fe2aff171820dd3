package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteSettingsTests {

    @Test
    void documentedDefaults() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of());

        assertThat(settings.ports()).isEqualTo(new SuiteSettings.Ports(8080, 8081, 9465, 8082, 9466, 8083, 9464));
        assertThat(settings.postgresPort()).isEqualTo(54329);
        assertThat(settings.dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(settings.databaseUrl()).isNull();
    }

    @Test
    void theWorkerGetsItsOwnTokenByDefaultSinceItRefusesTheUserbotOne() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of());

        assertThat(settings.workerApiToken()).isNotBlank().isNotEqualTo(settings.apiToken());
        assertThat(SuiteSettings.fromEnvironment(Map.of("WORKER_API_TOKEN", "mine")).workerApiToken()).isEqualTo("mine");
    }

    @Test
    void aBadPortIsRejectedByName() {
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(Map.of("BOT_PORT", "eighty")))
                .hasMessageContaining("BOT_PORT");
    }
}
