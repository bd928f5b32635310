package org.popcorn.server.web;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.popcorn.server.support.SharedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: one headless Chromium (Debian's chromium + chromium-driver) per test class, waiting
 * helpers, and screenshots (desktop and phone) in target/screenshots. The browser classes share one server
 * ({@link SharedServer}); each works with members, rounds and meetups of its own.
 */
@ExtendWith(SharedServer.class)
abstract class BrowserTest {

    static final Path SHOTS = Path.of("target/screenshots");
    static WebDriver driver;

    @TempDir
    static Path profile;

    /** Where the application answers. */
    URL base = SharedServer.url();

    WebDriverWait wait;

    @BeforeAll
    static void browser() throws Exception {
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=en-US", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    void newWait() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The server as the browser reaches it: by the loopback address, which the resolver rules let through. */
    String site() {
        return "http://127.0.0.1:" + base.getPort() + "/";
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
                js("arguments[0].scrollIntoView({block: 'center'})", e);
                e.click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
                if (attempt == 5) {
                    throw rerendered;
                }
            }
        }
    }

    void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(text);
    }

    void setValue(By by, String value) {
        js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", visible(by), value);
    }

    void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Screenshots of the current page at desktop and phone sizes. */
    void shot(String name) throws Exception {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + "-desktop.png"),
                StandardCopyOption.REPLACE_EXISTING);
        phoneSize();
        Thread.sleep(400);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + "-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
        desktopSize();
    }
}
