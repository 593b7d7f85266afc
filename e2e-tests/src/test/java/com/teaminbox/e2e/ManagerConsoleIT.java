package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager opens the manager console: the live queue table shows the seeded queue with its one
 * waiting conversation and why nobody takes it, the agents table lists the manager herself with
 * her status, and today's volume is drawn as an inline SVG chart with a bar.
 */
@ExtendWith(OpenBrowsers.class)
class ManagerConsoleIT {

    @Test
    void managerSeesQueuesAgentsAndCharts(Browser browser) throws Exception {
        String queueName = "Parcels " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation(null, "Ezra " + UUID.randomUUID().toString().substring(0, 6),
                "Is my order on its way?", queueName);
        long queue;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            queue = InboxDatabase.number(db, "SELECT queue_id FROM conversation WHERE id = ?", conversation);
        }

        browser.signIn("maria");
        assertTrue(browser.navigationLabels().contains("Manager"), "a manager has the console in the navigation");
        browser.driver.get(Browser.BASE + "/manager");

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-queues")));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("manager-queues"), queueName));
        assertEquals("1", browser.driver.findElement(By.id("queue-waiting-" + queue)).getText(), "one conversation waits");
        assertEquals("nobody serves " + queueName, browser.driver.findElement(By.id("queue-why-" + queue)).getText());
        long maria = InboxDatabase.agentId("maria");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agent-status-" + maria)));
        assertEquals(InboxDatabase.agentStatus("maria"), browser.driver.findElement(By.id("agent-status-" + maria)).getText());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume svg[role='img']")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume svg rect.bar")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-csv")));
        browser.screenshot("manager-console");
    }
}
