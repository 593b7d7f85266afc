package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium signed in through the real Keycloak login page. */
final class Browser implements AutoCloseable {

    static final String BASE = System.getProperty("inbox.baseUrl", "http://localhost:8081");

    final WebDriver driver;
    final WebDriverWait wait;
    private boolean closed;

    Browser() throws Exception {
        Path profile = Files.createTempDirectory("inbox-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // A live update re-renders parts of a screen: an element found a moment ago may be replaced
        // before it is read. Inside a wait that means "look again", not a failure.
        wait.ignoring(StaleElementReferenceException.class);
    }

    void signIn(String user) {
        driver.get(BASE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(driver.getCurrentUrl().contains("/realms/inbox/protocol/openid-connect/auth"),
                "the real Keycloak login page: " + driver.getCurrentUrl());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    List<String> navigationLabels() {
        WebElement nav = driver.findElement(By.id("main-nav"));
        return nav.findElements(By.tagName("vaadin-side-nav-item")).stream().map(item -> item.getText().trim()).toList();
    }

    void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("inbox.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Types into a Vaadin combo box and clicks the first item (of the filtered list) containing {@code text}. */
    void pick(String comboId, String text) {
        org.openqa.selenium.WebElement input = driver.findElement(org.openqa.selenium.By.cssSelector("#" + comboId + " input"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(text);
        org.openqa.selenium.By items = org.openqa.selenium.By.cssSelector("vaadin-combo-box-item");
        wait.until(d -> d.findElements(items).stream().anyMatch(item -> item.isDisplayed() && item.getText().contains(text)));
        driver.findElements(items).stream().filter(item -> item.isDisplayed() && item.getText().contains(text))
                .findFirst().orElseThrow().click();
    }

    /** What the browser showed last, kept for reading when a test fails. */
    void keepLastPage(String name) throws Exception {
        screenshot("last-" + name);
        Files.writeString(Path.of(System.getProperty("inbox.screenshots", "target/screenshots"), "last-" + name + ".html"),
                driver.getCurrentUrl() + "\n" + driver.getPageSource());
    }

    /** Whether {@link #close} has not been called yet. */
    boolean isOpen() {
        return !closed;
    }

    /** Ends the browser; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            driver.quit();
        }
    }
}
