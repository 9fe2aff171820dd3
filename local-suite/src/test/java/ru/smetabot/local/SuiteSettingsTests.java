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
        assertThat(settings.bindAddress()).as("this machine only").isEqualTo("127.0.0.1");
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.portsByVariable()).containsEntry("SANDBOX_PORT", 8080).containsEntry("LOCAL_PG_PORT", 54329)
                .hasSize(8);
    }

    @Test
    void anotherBindAddressIsUsedInTheSuitesOwnUrls() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of("LOCAL_BIND_ADDRESS", "0.0.0.0"));
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(SuiteSettings.fromEnvironment(Map.of("LOCAL_BIND_ADDRESS", "127.0.0.2")).host())
                .isEqualTo("127.0.0.2");
        assertThat(SuiteSettings.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://db/x")).portsByVariable())
                .as("no embedded PostgreSQL, no port of its own").doesNotContainKey("LOCAL_PG_PORT");
    }

    @Test
    void theWorkerGetsItsOwnTokenByDefaultSinceItRefusesTheUserbotOne() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of());

        assertThat(settings.workerApiToken()).isNotBlank().isNotEqualTo(settings.apiToken());
        assertThat(SuiteSettings.fromEnvironment(Map.of("WORKER_API_TOKEN", "mine")).workerApiToken()).isEqualTo("mine");
    }

    @Test
    void twoInstancesListenOnTheServicePortsPlus100And200BehindTheirProxies() {
        SuiteSettings one = SuiteSettings.fromEnvironment(Map.of());
        SuiteSettings two = SuiteSettings.fromEnvironment(Map.of("LOCAL_INSTANCES", "2"));

        assertThat(one.multiInstance()).isFalse();
        assertThat(one.instancePorts(1)).isEqualTo(one.ports());
        assertThat(two.instancePorts(1)).isEqualTo(new SuiteSettings.Ports(8080, 8181, 9565, 8182, 9566, 8183, 9564));
        assertThat(two.instancePorts(2)).isEqualTo(new SuiteSettings.Ports(8080, 8281, 9665, 8282, 9666, 8283, 9664));
        assertThat(two.portsByVariable()).as("the proxies on the service ports, no metrics port of their own")
                .containsEntry("BOT_PORT", 8081).containsEntry("USERBOT_PORT", 8082).containsEntry("WORKER_PORT", 8083)
                .doesNotContainKeys("BOT_METRICS_PORT", "USERBOT_METRICS_PORT", "WORKER_METRICS_PORT")
                .containsEntry("BOT_PORT+200 (instance 2)", 8281).containsEntry("WORKER_METRICS_PORT+100 (instance 1)", 9564)
                .hasSize(5 + 12);
        assertThat(two.banner()).contains("bot      http://localhost:8081 (proxy) → :8181 (metrics :9565) :8281 (metrics :9665)");
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(Map.of("LOCAL_INSTANCES", "3")))
                .hasMessageContaining("LOCAL_INSTANCES must be 1");
    }

    @Test
    void aBadPortIsRejectedByName() {
        assertThatThrownBy(() -> SuiteSettings.fromEnvironment(Map.of("BOT_PORT", "eighty")))
                .hasMessageContaining("BOT_PORT");
    }
}
