package io.quarkiverse.lakebase.deployment.devui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromium-driver, never a downloaded browser. Reads and clicks through the
 * shadow DOM of the Dev UI's web components, and keeps a screenshot of what it saw when a test fails.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Finds the first element, through every shadow root, that the predicate (a JS function body on {@code e}) accepts. */
    private static final String DEEP_FIND = """
            const accepts = new Function('e', arguments[0]);
            const stack = [document.documentElement];
            while (stack.length) {
                const node = stack.pop();
                if (node.nodeType === 1 && accepts(node)) { return node; }
                if (node.shadowRoot) { stack.push(node.shadowRoot); }
                for (const child of (node.children || [])) { stack.push(child); }
            }
            return null;
            """;

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A headless Chromium; the test is skipped, saying what to install, when the packages are missing. */
    static Browser open() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    /** The text of the first element the predicate accepts, or null when there is none yet. */
    String text(String predicate) {
        Object text = driver.executeScript("const e = (function() {" + DEEP_FIND + "}).apply(null, arguments);"
                + " return e ? (e.shadowRoot ? e.shadowRoot.textContent : e.textContent) : null;", predicate);
        return text == null ? null : text.toString().replaceAll("\\s+", " ");
    }

    /** Clicks the first element the predicate accepts; false when there is none. */
    boolean click(String predicate) {
        Object clicked = driver.executeScript("const e = (function() {" + DEEP_FIND + "}).apply(null, arguments);"
                + " if (e) { e.click(); } return e !== null;", predicate);
        return Boolean.TRUE.equals(clicked);
    }

    /** Reads a property of the first element the predicate accepts, as the page's scripts see it. */
    Object property(String predicate, String property) {
        return driver.executeScript("const e = (function() {" + DEEP_FIND + "}).apply(null, arguments);"
                + " const value = e ? e[arguments[1]] : undefined;"
                + " return value === undefined ? null : JSON.parse(JSON.stringify(value));", predicate, property);
    }

    /** Keeps what the browser shows under target/screenshots. */
    Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> asMap(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
