package ru.smetabot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.smetabot.sandbox.client.SandboxServer;
import ru.smetabot.sandbox.testing.OfflineChromium;

/**
 * The page's "▶ Demo" button with {@code sandbox.demo-url} set: the sandbox relays the press to the demo
 * runner (here a loopback stand-in for ./run-local's, which makes the owner in this sandbox as the real demo
 * does first), the page shows the progress and then acts as the demo's owner.
 */
class DemoButtonBrowserTests {

    @Test
    void theDemoButtonStartsTheRunnerAndThePageSwitchesToItsOwner(@TempDir Path profile) throws Exception {
        OfflineChromium.requireInstalled();
        AtomicInteger starts = new AtomicInteger();
        AtomicLong owner = new AtomicLong();
        HttpServer runner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        runner.start();
        String runnerUrl = "http://127.0.0.1:" + runner.getAddress().getPort() + "/demo";
        try (SandboxServer sandbox = SandboxServer.start(Map.of("sandbox.demo-url", runnerUrl))) {
            runner.createContext("/demo", exchange -> {
                if ("POST".equals(exchange.getRequestMethod())) {
                    starts.incrementAndGet();
                    owner.set(sandbox.client().createUser(4200, "Иван", "demo_ivan").id());
                    reply(exchange, 202, "{\"state\":\"running\",\"step\":\"owner\"}");
                } else {
                    reply(exchange, 200, owner.get() == 0 ? "{\"state\":\"idle\"}"
                            : "{\"state\":\"done\",\"owner_id\":" + owner.get() + "}");
                }
            });
            sandbox.client().createUser(4100, "Пётр", "petr");
            WebDriver browser = OfflineChromium.start(profile);
            try {
                browser.get(sandbox.baseUrl() + "/?lang=en&user=4100");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(d -> d.findElement(By.id("demo-button")).isDisplayed());
                browser.findElement(By.id("demo-button")).click();
                wait.until(d -> d.findElement(By.id("demo-status")).getText().startsWith("Demo ready"));
                wait.until(d -> new Select(d.findElement(By.id("user-select"))).getFirstSelectedOption()
                        .getAttribute("value").equals("4200"));
            } finally {
                browser.quit();
            }
        } finally {
            runner.stop(0);
        }
        assertThat(starts).hasValue(1);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
