package org.bawaba.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser on the portal: Debian's headless Chromium driven through its chromium-driver
 * ({@code bawaba.chromium}, {@code bawaba.chromedriver}), pointed at the gateway as the README says.
 * Each instance is a fresh profile, so a fresh person; close it at the end.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("bawaba.screenshots", "target/screenshots"));

    private static final String CHROMIUM = System.getProperty("bawaba.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("bawaba.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;

    private final WebDriverWait wait;

    private PortalBrowser(ChromeDriver driver) {
        this.driver = driver;
        // a page being replaced (after a form is sent) leaves elements found a moment ago stale: look again
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** A browser whose person prefers {@code language} ({@code ar} or {@code en}). */
    static PortalBrowser open(String language) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The portal's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install chromium chromium-driver (.ci/run and ./bawaba test install them when run as root)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new PortalBrowser(driver);
    }

    /** Opens a path of the portal (or any gateway path). */
    PortalBrowser go(String path) {
        driver.get(Suite.GATEWAY + path);
        return this;
    }

    /**
     * Signs in on Keycloak's page, which the browser must be on (after following a sign-in link),
     * and waits to be back on the portal.
     */
    PortalBrowser signInOnKeycloak(String username) {
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        if (Suite.SECOND_FACTOR.contains(username)) {
            // staff and admins: the one-time code of their (demo) authenticator, asked on a page of its own
            waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
            driver.findElement(By.id("otp")).sendKeys(Suite.freshCode(username));
            driver.findElement(By.id("kc-login")).click();
        }
        waitFor(d -> d.getCurrentUrl().startsWith(Suite.GATEWAY));
        return this;
    }

    /** Follows the page's sign-in link and signs in as {@code username}. */
    PortalBrowser signIn(String username) {
        driver.findElement(By.cssSelector("a.signin")).click();
        return signInOnKeycloak(username);
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Fills the form field with {@code id}. */
    PortalBrowser fill(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    PortalBrowser click(String css) {
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Accepts the page's confirmation question (a decision that cannot be undone asks first). */
    PortalBrowser confirm() {
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** The page's {@code <html dir>}. */
    String dir() {
        return find("html").getAttribute("dir");
    }

    /** The page's visible text. */
    String text() {
        return find("body").getText();
    }

    /** A screenshot of the page as it is, into target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

}
