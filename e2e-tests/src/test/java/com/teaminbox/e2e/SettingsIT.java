package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An admin changes a queue's SLA and the business phone's warning thresholds on the Settings
 * screen, sees them again after a reload, and reads the server's sentence for a bad value; an
 * agent has no Settings entry and is refused the typed address. The saved thresholds are reset
 * afterwards (the queue is the test's own).
 */
@ExtendWith(OpenBrowsers.class)
class SettingsIT {

    private static final String THRESHOLDS = "inbox.primary.warning-thresholds";

    @AfterEach
    void restore() throws Exception {
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            // Normally the screen's own reset did it already; the server notices within seconds.
            InboxDatabase.update(db, "DELETE FROM inbox_setting WHERE name = ?", THRESHOLDS);
        }
    }

    @Test
    void anAdminChangesTheSlaAndAThresholdAndSeesThemAfterAReload(Browser browser) throws Exception {
        String queueName = "Settings " + System.nanoTime() % 1_000_000_000L;
        long queue;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            long account = InboxDatabase.number(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Settings Shop')"
                    + " RETURNING id", "+1777" + System.nanoTime() % 1_000_000_000L);
            queue = InboxDatabase.number(db, "INSERT INTO queue (account_id, name, is_default, sla_seconds) VALUES (?, ?, true, 300)"
                    + " RETURNING id", account, queueName);
        }
        browser.signIn("adam");
        assertTrue(browser.navigationLabels().contains("Settings"), "an admin has Settings: " + browser.navigationLabels());
        browser.driver.get(Browser.BASE + "/settings");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-view")));

        choose(browser, "settings-queue", queueName);
        browser.wait.until(driver -> "5".equals(value(browser, "settings-sla")));
        fill(browser, "settings-sla", "7");
        fill(browser, "settings-opens-at", "09:00");
        fill(browser, "settings-closes-at", "17:00");
        fill(browser, "settings-day-hours", "Sat 10:00-14:00");
        click(browser, "save-queue");
        confirmed(browser, "Settings of queue " + queueName + " saved.");

        fill(browser, "settings-thresholds", "P5D, P2D, PT6H");
        click(browser, "save-primary-phone");
        confirmed(browser, "Warning thresholds saved.");
        browser.screenshot("settings-admin");

        browser.driver.navigate().refresh();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-view")));
        browser.wait.until(driver -> "P5D, P2D, PT6H".equals(value(browser, "settings-thresholds")));
        choose(browser, "settings-queue", queueName);
        browser.wait.until(driver -> "7".equals(value(browser, "settings-sla")));
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            assertEquals(420, InboxDatabase.number(db, "SELECT sla_seconds FROM queue WHERE id = ?", queue), "stored where routing reads it");
            assertEquals(6, InboxDatabase.number(db, "SELECT iso_day FROM queue_day_hours WHERE queue_id = ?", queue),
                    "Saturday's own hours stored");
        }
        browser.wait.until(driver -> "Sat 10:00-14:00".equals(value(browser, "settings-day-hours")));

        // Hours the screen cannot read are named in a sentence; nothing is sent.
        fill(browser, "settings-day-hours", "Sat 10-14");
        click(browser, "save-queue");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-queue-error"),
                "\"Sat 10-14\" is not a day with hours such as \"Sat 10:00-14:00\"."));

        // A bad value: the server's sentence under the section, nothing saved.
        fill(browser, "settings-thresholds", "P2D, soon");
        click(browser, "save-primary-phone");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-primary-phone-error"),
                "The warning threshold \"soon\" is not a duration such as P3D or PT6H."));
        browser.driver.navigate().refresh();
        browser.wait.until(driver -> "P5D, P2D, PT6H".equals(value(browser, "settings-thresholds")));

        click(browser, "reset-primary-phone");
        confirmed(browser, "Back to the configured values.");
        browser.wait.until(driver -> "P7D, P3D, P1D, PT6H".equals(value(browser, "settings-thresholds")));
    }

    @Test
    void anAgentHasNoSettings(Browser browser) throws Exception {
        browser.signIn("alice");
        List<String> nav = browser.navigationLabels();
        assertTrue(nav.contains("Inbox"), nav.toString());
        assertFalse(nav.contains("Settings"), "an agent never sees Settings: " + nav);
        browser.driver.get(Browser.BASE + "/settings");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "not available to you"));
        assertTrue(browser.driver.findElements(By.id("settings-view")).isEmpty(), "the screen did not open");
    }

    private static String value(Browser browser, String id) {
        return String.valueOf(browser.driver.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value"));
    }

    private static void fill(Browser browser, String id, String text) {
        // Present, then scrolled to: the sections are taller than the window, and a field above the fold counts as hidden.
        WebElement field = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        browser.wait.until(ExpectedConditions.visibilityOf(field));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    private static void click(Browser browser, String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private static void confirmed(Browser browser, String sentence) {
        browser.wait.until(driver -> driver.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains(sentence)));
    }

    /** Types into a Vaadin combo box and picks the item containing {@code text} (other tests leave many queues). */
    private static void choose(Browser browser, String comboId, String text) {
        WebElement input = browser.driver.findElement(By.cssSelector("#" + comboId + " input"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
        browser.wait.until(driver -> driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.isDisplayed() && item.getText().contains(text)));
        browser.driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().contains(text)).findFirst().orElseThrow().click();
        browser.wait.until(driver -> value(browser, comboId).contains(text));
    }
}
