package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent works a conversation in the browser: it appears in the Unassigned list without a
 * reload, the agent reads it, claims it, adds an internal note and resolves it.
 *
 * The customer's message is written into PostgreSQL by this test, in an account of its own, so
 * that the scenario needs no linked device; {@link ReplyIT} covers the path from the sandbox
 * network through the device sessions. Everything after that goes through the real UI, API
 * and database.
 */
@ExtendWith(OpenBrowsers.class)
class WorkspaceIT {

    @Test
    void agentClaimsNotesAndResolvesACustomerConversation(Browser browser) throws Exception {
        browser.signIn("bob"); // the first API call registers Bob as an agent
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        browser.driver.findElement(By.id("tab-unassigned")).click();

        String customer = "Carla " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation("bob", customer, "Hello, is my order on its way?");

        // No reload: the list refreshes itself.
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(customer));
        browser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(customer)).findFirst().orElseThrow().click();

        WebElement pane = browser.driver.findElement(By.id("conversation-pane"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Hello, is my order on its way?"));
        browser.screenshot("inbox-agent");

        browser.driver.findElement(By.id("claim-button")).click();
        browser.wait.until(driver -> InboxDatabase.assignee(conversation) != null);
        assertEquals(InboxDatabase.agentId("bob"), InboxDatabase.assignee(conversation), "claimed by Bob in the database");

        WebElement label = browser.driver.findElement(By.cssSelector("#label-input input"));
        label.sendKeys("delivery");
        label.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-labels"), "delivery"));

        WebElement note = browser.driver.findElement(By.cssSelector("#note-input textarea"));
        note.sendKeys("Checked the courier: arrives tomorrow.");
        browser.driver.findElement(By.id("add-note-button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Note: Checked the courier: arrives tomorrow."));
        assertTrue(pane.findElements(By.className("internal-note")).size() >= 1, "the note is shown set apart");

        browser.driver.findElement(By.id("resolve-button")).click();
        browser.wait.until(driver -> "resolved".equals(InboxDatabase.status(conversation)));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reopen-button")));
    }

    @Test
    void searchFindsAConversationAndTheKeyboardWorksTheList(Browser browser) throws Exception {
        browser.signIn("bob");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        browser.driver.findElement(By.id("tab-unassigned")).click();
        String first = "Emil " + UUID.randomUUID().toString().substring(0, 6);
        String second = "Fiona " + UUID.randomUUID().toString().substring(0, 6);
        InboxDatabase.seedWaitingConversation("bob", first, "Do you deliver on Sundays?");
        InboxDatabase.seedWaitingConversation("bob", second, "Is the shop open at Easter?");
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(first) && list.getText().contains(second));

        browser.driver.findElement(By.cssSelector("#conversation-search input")).sendKeys(second);
        browser.wait.until(driver -> list.getText().contains(second) && !list.getText().contains(first));

        // Alt+↓ opens the first row of the (filtered) list; Alt+H lists the shortcuts.
        browser.driver.findElement(By.tagName("body")).click();
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .keyDown(org.openqa.selenium.Keys.ALT).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN)
                .keyUp(org.openqa.selenium.Keys.ALT).perform();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-title"), second));
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .keyDown(org.openqa.selenium.Keys.ALT).sendKeys("h").keyUp(org.openqa.selenium.Keys.ALT).perform();
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("vaadin-dialog-overlay")).isEmpty()
                && driver.findElement(By.cssSelector("vaadin-dialog-overlay")).getText().contains("next / previous conversation"));
    }
    @Test
    void colleaguesSeeWhoElseHasTheConversationOpenAndWhoIsTyping(Browser browser) throws Exception {
        String customer = "Hugo " + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn("bob");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        InboxDatabase.seedWaitingConversation("bob", customer, "Can I change my delivery address?");
        open(browser, "tab-unassigned", customer);
        try (Browser manager = new Browser()) {
            manager.signIn("maria"); // a manager sees every conversation
            manager.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
            open(manager, "tab-all", customer);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-presence"), "Also here: Maria"));
            manager.driver.findElement(By.cssSelector("#reply-input textarea")).sendKeys("Let me check");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-presence"), "typing a reply"));
            browser.screenshot("collision-indicator");
        }
    }

    @Test
    void aNewlyAssignedChatRaisesABrowserNotification(Browser browser) throws Exception {
        browser.signIn("bob");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        // Headless Chromium shows no notifications: record what the page asks for instead.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "window.__notes = [];"
                + "window.Notification = function (title, options) { window.__notes.push(title + ': ' + options.body); };"
                + "window.Notification.permission = 'granted'; window.Notification.requestPermission = function () {};");
        String customer = "Ines " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation("bob", customer, "Is my parcel lost?");
        InboxDatabase.assign(conversation, "bob");
        browser.wait.until(driver -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return window.__notes.join('|')")).contains("New chat assigned to you: " + customer));
    }

    private static void open(Browser on, String tab, String customer) {
        on.driver.findElement(By.id(tab)).click();
        WebElement list = on.driver.findElement(By.id("conversation-list"));
        on.wait.until(driver -> list.getText().contains(customer));
        on.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(customer)).findFirst().orElseThrow().click();
        on.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-title"), customer));
    }
}
