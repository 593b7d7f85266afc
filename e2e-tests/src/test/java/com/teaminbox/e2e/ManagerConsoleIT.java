package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager opens the manager console: the live queue table lists a waiting conversation's
 * queue, and today's volume is drawn as an inline SVG chart.
 */
class ManagerConsoleIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        browser.keepLastPage(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
        browser.close();
    }

    @Test
    void managerSeesQueuesAgentsAndCharts() throws Exception {
        InboxDatabase.seedWaitingConversation(null, "Ezra " + UUID.randomUUID().toString().substring(0, 6),
                "Is my order on its way?");

        browser.signIn("maria");
        assertTrue(browser.navigationLabels().contains("Manager"), "a manager has the console in the navigation");
        browser.driver.get(Browser.BASE + "/manager");

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-queues")));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("manager-queues"), "Support"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-agents")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume svg[role='img']")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume svg rect.bar")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-csv")));
        browser.screenshot("manager-console");
    }
}
