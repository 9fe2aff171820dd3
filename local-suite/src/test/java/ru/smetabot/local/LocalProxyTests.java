package ru.smetabot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local proxy: turns between instances, skips one that refuses connections, passes requests through whole. */
class LocalProxyTests {

    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalProxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void requestsTakeTurnsAndKeepMethodPathHeadersAndBody() throws Exception {
        URI one = instance("one");
        URI two = instance("two");
        proxy = LocalProxy.start("test", "127.0.0.1", freePort(), List.of(one, two));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(post("/hook?x=" + i, "body " + i).body());
        }

        assertThat(answers).containsExactly("one POST /hook?x=0 secret=s body 0", "two POST /hook?x=1 secret=s body 1",
                "one POST /hook?x=2 secret=s body 2", "two POST /hook?x=3 secret=s body 3");
        assertThat(proxy.servedBy(one)).isEqualTo(2);
        assertThat(proxy.servedBy(two)).isEqualTo(2);
    }

    @Test
    void anInstanceRefusingConnectionsIsSkipped() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort());
        URI up = instance("up");
        proxy = LocalProxy.start("test", "127.0.0.1", freePort(), List.of(down, up));

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = post("/hook", "b");
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).startsWith("up POST /hook");
        }
        assertThat(proxy.servedBy(up)).isEqualTo(3);
    }

    @Test
    void withNoInstanceUpTheAnswerIs502() throws Exception {
        proxy = LocalProxy.start("test", "127.0.0.1", freePort(),
                List.of(URI.create("http://127.0.0.1:" + freePort()), URI.create("http://127.0.0.1:" + freePort())));

        assertThat(post("/hook", "b").statusCode()).isEqualTo(502);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .header("X-Secret", "s").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A service instance answering 201 with its name, the method, path, a header and the body. */
    private URI instance(String name) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " secret="
                    + exchange.getRequestHeaders().getFirst("X-Secret") + " " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
