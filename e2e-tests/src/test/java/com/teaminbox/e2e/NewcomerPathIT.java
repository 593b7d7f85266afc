package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's "Try the whole path", steps 1 to 3, word for word on the fresh database a
 * newcomer's ./inbox run has: nobody has signed in, the demo business exists with its default
 * queue, and no manager helps. Alice signs in once, the admin links her device and reads the QR
 * text off the Devices screen, the owner pastes it into the phone simulator, Alice sets herself
 * online, a new customer writes from the simulator, the message appears in Alice's list without
 * a reload, she answers with Enter, and the customer receives it. Runs first (see
 * junit-platform.properties) and gives Alice's device back at the end, so the other browser tests
 * start from the same place as before.
 */
@Order(1)
@ExtendWith(OpenBrowsers.class)
class NewcomerPathIT {

    @Test
    void theReadmeWalkThroughWorksOnAFreshDatabase(Browser alice, Browser adam, Browser phone) throws Exception {
        assertNull(InboxDatabase.agentId("alice"), "a fresh database: Alice has never signed in");

        // 1. Sign in as alice once (this registers her), then as adam: Devices → Link a device,
        //    choose 4930123456 and Alice, Start linking.
        alice.signIn("alice");
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Alice"));
        String queues = SandboxNetwork.get(Browser.BASE + "/api/v1/queues", SandboxNetwork.tokenFor("alice"));
        assertTrue(queues.matches("(?s).*\"name\"\\s*:\\s*\"Front desk\".*") && queues.contains("\"member\":true"),
                "Alice serves the demo business's Front desk from her first sign-in: " + queues);

        adam.signIn("adam");
        adam.driver.get(Browser.BASE + "/devices");
        adam.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-start")));
        adam.pick("link-account", SandboxNetwork.BUSINESS);
        adam.pick("link-agent", "Alice");
        adam.driver.findElement(By.id("link-start")).click();
        adam.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-stage"), "Waiting for the scan"));
        WebElement qrText = adam.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#link-qr-text input")));
        adam.wait.until(driver -> qrText.getDomProperty("value").startsWith("sandbox-link:"));
        String qr = qrText.getDomProperty("value");

        // 2. In the phone simulator paste the QR text; the Devices screen moves to Linked.
        phone.driver.get(SandboxNetwork.ADMIN + "/");
        phone.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr"))).sendKeys(qr);
        phone.driver.findElement(By.id("scan")).click();
        phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Linked as device"));
        adam.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-stage"), "Linked."));

        // 3. As Alice, set yourself Online; in the phone simulator write as a customer. The message
        //    appears in Alice's list without a reload; answer it (Enter sends). The customer receives it.
        alice.driver.findElement(By.id("agent-status")).click();
        alice.wait.until(driver -> driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(item -> item.isDisplayed() && item.getText().startsWith("Online")));
        alice.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().startsWith("Online")).findFirst().orElseThrow().click();
        alice.wait.until(driver -> "online".equals(InboxDatabase.agentStatus("alice")));

        String customer = "4917" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
        phone.driver.findElement(By.id("newNumber")).sendKeys(customer);
        phone.driver.findElement(By.id("newName")).sendKeys("Nina");
        phone.driver.findElement(By.id("addCustomer")).click();
        phone.wait.until(driver -> driver.findElements(By.cssSelector("#customer option[value='" + customer + "']")).size() == 1);
        chooseCustomer(phone, customer);
        phone.driver.findElement(By.id("customerText")).sendKeys("Do you bake spelt bread on Mondays?");
        phone.driver.findElement(By.id("sendCustomer")).click();

        WebElement list = alice.driver.findElement(By.id("conversation-list"));
        alice.wait.until(driver -> list.getText().contains(customer) || list.getText().contains("Nina"));
        alice.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().contains(customer) || cell.getText().contains("Nina")).findFirst().orElseThrow().click();
        alice.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Do you bake spelt bread on Mondays?"));
        WebElement reply = alice.driver.findElement(By.cssSelector("#reply-input textarea"));
        reply.sendKeys("Yes, every Monday from 7 am.");
        reply.sendKeys(Keys.ENTER);

        chooseCustomer(phone, customer);
        phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customerReceived"), "Yes, every Monday from 7 am."));
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            long aliceId = InboxDatabase.number(db, "SELECT id FROM agent WHERE username = 'alice'");
            assertEquals(aliceId, InboxDatabase.number(db, """
                    SELECT c.assignee_id FROM conversation c JOIN contact k ON k.id = c.contact_id WHERE k.phone_number = ?""", customer),
                    "routed to Alice by the inbox, not assigned by a manager");
            assertEquals(0, InboxDatabase.number(db, """
                    SELECT count(*) FROM conversation_event e JOIN conversation c ON c.id = e.conversation_id
                      JOIN contact k ON k.id = c.contact_id WHERE k.phone_number = ? AND e.kind NOT IN ('opened', 'routed')""", customer),
                    "no hand-over: nobody helped");
            assertEquals(1, InboxDatabase.number(db, """
                    SELECT count(*) FROM message m JOIN companion_device d ON d.id = m.device_id
                     WHERE m.direction = 'outbound' AND m.body = 'Yes, every Monday from 7 am.' AND d.agent_id = ?""", aliceId),
                    "the answer left from Alice's own device");

            // Give the device slot back and leave Alice as the other tests expect to find her.
            long device = InboxDatabase.number(db, "SELECT id FROM companion_device WHERE agent_id = ? AND state = 'connected'", aliceId);
            SandboxNetwork.post(Browser.BASE + "/api/v1/devices/" + device + "/revoke", "{\"reason\":\"newcomer walk-through done\"}",
                    SandboxNetwork.tokenFor("adam"));
            InboxDatabase.update(db, "UPDATE agent SET status = 'offline' WHERE id = ?", aliceId);
        }
    }

    /** The simulator page rebuilds its customer list every 2 s: choose until the choice holds. */
    private static void chooseCustomer(Browser phone, String customer) {
        phone.wait.until(driver -> {
            new Select(driver.findElement(By.id("customer"))).selectByValue(customer);
            return customer.equals(driver.findElement(By.id("customer")).getDomProperty("value"));
        });
    }
}
