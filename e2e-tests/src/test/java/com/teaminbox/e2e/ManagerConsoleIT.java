package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager opens the manager console: the live queue table lists a waiting conversation's
 * queue, and today's volume is drawn as an inline SVG chart.
 */
@ExtendWith(OpenBrowsers.class)
class ManagerConsoleIT {

    @Test
    void managerSeesQueuesAgentsAndCharts(Browser browser) throws Exception {
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
