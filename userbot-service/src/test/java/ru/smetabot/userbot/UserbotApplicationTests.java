package ru.smetabot.userbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import ru.smetabot.model.testing.ServiceStartContract;
import ru.smetabot.userbot.testing.WithOwnDatabase;

/** The service starts on a migrated database and answers health and Prometheus metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=sandbox", "smetabot.userbot.sandbox-url=http://127.0.0.1:9"})
@WithOwnDatabase
class UserbotApplicationTests extends ServiceStartContract {

    @Override
    protected String applicationTag() {
        return "userbot";
    }

    @Test
    void aMissingSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=tdlib", "smetabot.userbot.tdlib-path=/tmp/libtdjson.so", "smetabot.userbot.api-id=1", "smetabot.userbot.session-encryption-key=k")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("TG_API_HASH"));
    }

    @Test
    void aShortSessionEncryptionKeyIsRefusedAtStartWithHowToGenerateOne() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=tdlib",
                        "smetabot.userbot.tdlib-path=/tmp/libtdjson.so", "smetabot.userbot.api-id=1",
                        "smetabot.userbot.api-hash=h", "smetabot.userbot.session-encryption-key=short-key")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SESSION_ENCRYPTION_KEY is too short").hasMessageContaining("openssl rand -base64 32"));
    }

    @Test
    void anEmptySessionEncryptionKeyIsRefusedWithTdlib() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesOnly.class)
                .withPropertyValues("smetabot.userbot.api-token=secret", "smetabot.userbot.gateway=tdlib",
                        "smetabot.userbot.tdlib-path=/tmp/libtdjson.so", "smetabot.userbot.api-id=1",
                        "smetabot.userbot.api-hash=h", "smetabot.userbot.session-encryption-key=   ")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SESSION_ENCRYPTION_KEY"));
    }

    @Test
    void userbotPropertiesDoNotPrintTheirSecrets() {
        UserbotProperties properties = new UserbotProperties("api-token-secret-value", UserbotProperties.Gateway.TDLIB, null,
                "/tmp/libtdjson.so", 1, "api-hash-secret-value", "session-key-secret-value-of-32-bytes!!", null, null, null, null);

        assertThat(properties.toString()).doesNotContain("api-token-secret-value").doesNotContain("api-hash-secret-value")
                .doesNotContain("session-key-secret-value");
    }

    @EnableConfigurationProperties(UserbotProperties.class)
    static class PropertiesOnly {
    }
}
