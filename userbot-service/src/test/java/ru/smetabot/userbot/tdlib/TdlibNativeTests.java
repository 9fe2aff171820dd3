package ru.smetabot.userbot.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real libtdjson, offline: it loads, reports 1.8.67, and a client reaches
 * authorizationStateWaitTdlibParameters. Never sends setTdlibParameters (TDLib would dial Telegram).
 */
class TdlibNativeTests {

    private static TdJsonNative td;

    @BeforeAll
    static void load() {
        Path library = locate();
        if (library == null) {
            String message = "libtdjson.so not found (TDLIB_PATH, .tdlib/libtdjson.so or ../.tdlib/libtdjson.so): run scripts/fetch-tdlib.sh";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        td = TdJsonNative.load(library);
        td.execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":0}");
    }

    static Path locate() {
        String env = System.getenv("TDLIB_PATH");
        for (String candidate : new String[] {env, ".tdlib/libtdjson.so", "../.tdlib/libtdjson.so"}) {
            if (candidate != null && !candidate.isBlank() && Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    @Test
    void reportsVersion1867() {
        String answer = td.execute("{\"@type\":\"getOption\",\"name\":\"version\"}");

        assertThat(TdClients.JSON.readTree(answer).path("value").asString()).isEqualTo("1.8.67");
    }

    @Test
    void aSetTdlibParametersRefusalOfTheRealLibraryIsSurfacedNotIgnored(@TempDir Path sessions) throws Exception {
        // api_id 0: TDLib 1.8.67 refuses the parameters before opening a database or dialing anything.
        Files.createDirectories(sessions.resolve("42"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TdClients clients = new TdClients(td)) {
            TdlibAccounts accounts = new TdlibAccounts(clients, new TdlibSettings(sessions, 0, "hash",
                    "native-test-key-of-at-least-32-bytes", Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMinutes(10)),
                    meters, Clock.systemUTC());
            accounts.openSaved();

            accounts.awaitState(42, Set.of(TdAccount.READY), Duration.ofSeconds(10));

            assertThat(accounts.error(42)).contains("400").contains("api_id");
            assertThat(new TdlibGateway(accounts).authState(42).error()).isEqualTo(accounts.error(42));
            assertThat(meters.counter("userbot.tdlib.parameters.failures", "code", "400").count()).isEqualTo(1);
            assertThat(accounts.expireAbandoned()).isZero();
        }
    }

    @Test
    void aNewClientWaitsForItsParameters() throws Exception {
        try (TdClients clients = new TdClients(td)) {
            CompletableFuture<String> state = new CompletableFuture<>();
            int client = clients.createClient(update -> {
                if ("updateAuthorizationState".equals(update.path("@type").asString())) {
                    state.complete(update.path("authorization_state").path("@type").asString());
                }
            });

            JsonNode version = clients.call(client, TdClients.request("getOption").put("name", "version"), Duration.ofSeconds(10));

            assertThat(version.path("value").asString()).isEqualTo("1.8.67");
            assertThat(state.get(10, TimeUnit.SECONDS)).isEqualTo("authorizationStateWaitTdlibParameters");
            clients.call(client, TdClients.request("close"), Duration.ofSeconds(10));
        }
    }
}
