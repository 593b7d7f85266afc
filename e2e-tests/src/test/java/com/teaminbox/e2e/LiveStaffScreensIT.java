package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hand-over and the staff screens follow changes as they happen: an agent transfers a chat to a
 * colleague from the pane and the colleague sees it arrive; the manager console and the devices
 * screen change within seconds of an agent's status or a device's state changing — sooner than
 * their slow safety-net polls (60 s), so only the server push can explain it.
 */
@ExtendWith(OpenBrowsers.class)
class LiveStaffScreensIT {

    /**
     * Half the staff screens' slow poll (60 s, ManagerView.REFRESH_MILLIS), so what shows within
     * this came by push; long enough that a loaded 2-core machine does not miss it.
     */
    private static final Duration PUSHED = Duration.ofSeconds(30);

    @Test
    void anAgentTransfersAChatToAColleagueWhoSeesItArrive(Browser first, Browser second) throws Exception {
        second.signIn("bob");
        second.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        first.signIn("alice");
        first.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Alice"));

        String customer = "Greta " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation("alice", customer, "Can I pay by invoice?");
        InboxDatabase.assign(conversation, "alice");
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            // An agent hands over only to a colleague who serves the conversation's queue.
            InboxDatabase.update(db, "INSERT INTO agent_queue (agent_id, queue_id) SELECT a.id, c.queue_id FROM agent a, conversation c "
                    + "WHERE a.username = 'bob' AND c.id = ?", conversation);
        }

        first.driver.findElement(By.id("tab-mine")).click();
        WebElement list = first.driver.findElement(By.id("conversation-list"));
        first.wait.until(driver -> list.getText().contains(customer));
        first.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(customer)).findFirst().orElseThrow().click();
        first.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"), "Can I pay by invoice?"));

        // The choice says who is at their desk, their load and whether their device can send.
        first.pick("transfer-select", "Bob Silva");
        first.wait.until(driver -> InboxDatabase.agentId("bob").equals(InboxDatabase.assignee(conversation)));
        first.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-pane"), "Handed over to Bob Silva."));

        WebElement bobsList = second.driver.findElement(By.id("conversation-list"));
        new WebDriverWait(second.driver, PUSHED).until(driver -> bobsList.getText().contains(customer));
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            assertEquals(1, InboxDatabase.number(db, "SELECT count(*) FROM audit_event WHERE action = 'conversation.transferred' "
                    + "AND actor = 'alice' AND subject_id = ?", Long.toString(conversation)), "the hand-over is audited once");
        }
    }

    @Test
    void theManagerConsoleFollowsAnAgentComingOnline(Browser first) throws Exception {
        long agent;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            agent = InboxDatabase.number(db, "INSERT INTO agent (subject, username, display_name, roles, first_seen_at, last_seen_at, status) "
                    + "VALUES (?, ?, ?, 'agent', now(), now(), 'offline') RETURNING id", UUID.randomUUID().toString(),
                    "watched-" + UUID.randomUUID().toString().substring(0, 8), "Watched Agent");
        }
        first.signIn("maria");
        first.driver.get(Browser.BASE + "/manager");
        first.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manager-agents")));
        // The agent's own row: "offline" once the console shows them, "online" pushed after the change.
        By status = By.id("agent-status-" + agent);
        first.wait.until(driver -> driver.findElements(status).stream().anyMatch(cell -> cell.getText().equals("offline")));
        WebElement updated = first.driver.findElement(By.id("manager-live-updated"));

        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            InboxDatabase.update(db, "UPDATE agent SET status = 'online' WHERE id = ?", agent);
        }
        new WebDriverWait(first.driver, PUSHED).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(status).getText().equals("online"));
        assertTrue(updated.getText().contains("follows changes as they happen"), updated.getText());
    }

    @Test
    void theDevicesScreenShowsADeviceDroppingWithoutAReload(OpenBrowsers.More browsers) throws Exception {
        Browser first = browsers.open();
        first.signIn("alice"); // registers Alice
        first.close();
        first = browsers.open();
        String number = "+4477" + (System.nanoTime() % 100_000_000L);
        long device;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            long account = InboxDatabase.number(db, "INSERT INTO business_account (phone_number, display_name) VALUES (?, 'Live Devices') "
                    + "RETURNING id", number);
            device = InboxDatabase.number(db, "INSERT INTO companion_device (account_id, agent_id, state, device_name) "
                    + "VALUES (?, ?, 'connected', 'Team Inbox (Alice)') RETURNING id", account, InboxDatabase.agentId("alice"));
        }
        first.signIn("adam");
        first.driver.get(Browser.BASE + "/devices");
        first.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices-view"), number));
        By section = By.xpath("//div[contains(@class,'account-devices')][.//h3[contains(., '" + number + "')]]");
        first.wait.until(driver -> driver.findElement(section).getText().contains("connected"));
        String before = first.wait.until(driver -> driver.findElement(section).getText());
        assertTrue(!before.contains("disconnected"), "starts connected: " + before);

        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            InboxDatabase.update(db, "UPDATE companion_device SET state = 'disconnected' WHERE id = ?", device);
        }
        new WebDriverWait(first.driver, PUSHED).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(section).getText().contains("disconnected"));
        first.screenshot("devices-live");
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            InboxDatabase.update(db, "UPDATE companion_device SET state = 'revoked' WHERE id = ?", device);
        }
    }
}
