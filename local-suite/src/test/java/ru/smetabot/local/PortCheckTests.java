package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A port another program holds is named, with the variable that moves it, before anything starts. */
class PortCheckTests {

    @Test
    void aTakenPortIsNamedWithItsVariable() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int taken = other.getLocalPort();
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("SANDBOX_PORT", taken);
            ports.put("BOT_PORT", LocalPostgresTests.freePort());
            assertThatThrownBy(() -> PortCheck.requireFree("127.0.0.1", ports))
                    .hasMessageContaining("port " + taken + " (SANDBOX_PORT) is in use by another program; set SANDBOX_PORT=")
                    .hasMessageNotContaining("BOT_PORT");
        }
    }

    @Test
    void twoProcessesOnOnePortAreRefusedAndFreePortsPass() throws Exception {
        int port = LocalPostgresTests.freePort();
        Map<String, Integer> same = new LinkedHashMap<>();
        same.put("BOT_PORT", port);
        same.put("WORKER_PORT", port);
        assertThatThrownBy(() -> PortCheck.requireFree("127.0.0.1", same))
                .hasMessageContaining("given to both BOT_PORT and WORKER_PORT; set WORKER_PORT=");
        assertThatCode(() -> PortCheck.requireFree("127.0.0.1", Map.of("BOT_PORT", port))).doesNotThrowAnyException();
    }
}
