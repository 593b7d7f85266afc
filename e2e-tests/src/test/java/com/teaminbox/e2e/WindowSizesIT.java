package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The screens work at 1280×800 and the inbox in a narrow window: nothing runs off the side of
 * the page (no horizontal scrolling), and in a phone-sized window the list stacks above the
 * conversation so that both stay usable.
 */
@ExtendWith(OpenBrowsers.class)
class WindowSizesIT {

    @Test
    void everyStaffScreenFitsA1280By800Window(Browser browser) throws Exception {
        browser.signIn("adam");
        for (String screen : List.of("/team", "/manager", "/audit", "/devices", "/agents", "/primary-phone")) {
            browser.driver.get(Browser.BASE + screen);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
            browser.wait.until(driver -> !driver.findElements(By.tagName("h2")).isEmpty());
            assertNoSidewaysScrolling(browser, screen);
        }
    }

    @Test
    void inANarrowWindowTheListStacksAboveTheConversation(Browser browser) throws Exception {
        browser.driver.manage().window().setSize(new Dimension(420, 860));
        browser.signIn("bob");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        String customer = "Hana " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation("bob", customer, "Do you have gluten-free bread?");
        InboxDatabase.assign(conversation, "bob");

        WebElement split = browser.driver.findElement(By.id("inbox-split"));
        browser.wait.until(driver -> "vertical".equals(split.getDomAttribute("orientation")));
        browser.driver.findElement(By.id("tab-mine")).click();
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(customer));
        browser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(customer)).findFirst().orElseThrow().click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Do you have gluten-free bread?"));

        WebElement pane = browser.driver.findElement(By.id("conversation-pane"));
        assertTrue(list.getRect().getWidth() >= 360, "the list uses the window's width: " + list.getRect());
        assertTrue(pane.getRect().getWidth() >= 360, "so does the conversation: " + pane.getRect());
        assertTrue(pane.getRect().getY() >= list.getRect().getY() + list.getRect().getHeight() - 2,
                "the conversation sits below the list: list " + list.getRect() + ", pane " + pane.getRect());
        assertNoSidewaysScrolling(browser, "the inbox at 420 px");
        browser.screenshot("inbox-narrow");

        browser.driver.manage().window().setSize(new Dimension(1280, 800));
        browser.wait.until(driver -> "horizontal".equals(split.getDomAttribute("orientation"))
                || split.getDomAttribute("orientation") == null);
        assertEquals(customer, browser.driver.findElement(By.id("conversation-title")).getText(),
                "widening the window keeps the open conversation");
    }

    private static void assertNoSidewaysScrolling(Browser browser, String where) {
        Object overflow = ((JavascriptExecutor) browser.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 1, where + " runs " + overflow + " px off the side of the window");
    }
}
