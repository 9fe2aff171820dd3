package ru.smetabot.sandbox.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, set up so it never reaches the network: the driver
 * path is given (Selenium Manager never downloads), background networking is off, and every host but
 * localhost fails to resolve. Shared by the sandbox's and the bot's browser tests through this module's
 * test-jar; the flags are the ones TELEGRAM_FACTS.md lists.
 */
public final class OfflineChromium {

    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final String CHROMIUM = "/usr/bin/chromium";

    private OfflineChromium() {
    }

    /**
     * Skips the test when {@code SANDBOX_SKIP_BROWSER=true}; fails it, saying how to install them, when
     * Chromium or its driver is missing (./run-tests installs both).
     */
    public static void requireInstalled() {
        Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv("SANDBOX_SKIP_BROWSER")),
                "SANDBOX_SKIP_BROWSER=true");
        if (!CHROMEDRIVER.canExecute() || !new File(CHROMIUM).canExecute()) {
            fail(CHROMEDRIVER + " or " + CHROMIUM + " is missing: run scripts/install-test-deps.sh "
                    + "(apt-get install -y chromium chromium-driver), or set SANDBOX_SKIP_BROWSER=true to skip this test");
        }
    }

    /** A new headless browser with its own profile in {@code profile}; {@code extraArguments} e.g. "--lang=ru". */
    public static WebDriver start(Path profile, String... extraArguments) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"));
        arguments.addAll(List.of(extraArguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
