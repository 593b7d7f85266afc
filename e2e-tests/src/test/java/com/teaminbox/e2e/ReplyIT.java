package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole path through real parts: the admin links Alice's device by QR and Bob's by pairing
 * code typed on the phone-simulator page; a customer of the sandbox network writes, the message
 * reaches Alice's list live (stored by the inbox's device sessions, routed to her because her own
 * device is connected), she answers with a canned reply and Enter, and the customer's phone
 * receives it from her device, the ticks following the receipts; a manager reassigns the chat
 * to Bob, who sees it arrive live; the audit viewer lists the actions; and after the sandbox
 * clock moves eight days without the phone in use, the admin sees the 14-day warning banner.
 */
@ExtendWith(OpenBrowsers.class)
class ReplyIT {

    /** The browsers' last pages are kept as the test's name, then -2 for the admin's and -3 for Bob's. */
    @Test
    void aCustomersMessageIsAnsweredFromTheAgentsOwnDevice(Browser browser, Browser adminBrowser, Browser bobBrowser)
            throws Exception {
        browser.signIn("alice"); // registers Alice with the inbox
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Alice"));
        bobBrowser.signIn("bob");
        bobBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Bob Silva"));
        long account;
        long alice;
        long bob;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            InboxDatabase.FrontDesk desk = InboxDatabase.frontDesk(db);
            account = desk.account();
            alice = InboxDatabase.inQueue(db, "alice", desk.queue(), "online");
            bob = InboxDatabase.inQueue(db, "bob", desk.queue(), "away"); // the customer's chat goes to Alice
        }

        // The admin links Alice's device on the devices screen; the owner scans the QR it shows.
        adminBrowser.signIn("adam");
        adminBrowser.driver.get(Browser.BASE + "/devices");
        adminBrowser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-start")));
        choose(adminBrowser, "link-account", SandboxNetwork.BUSINESS);
        choose(adminBrowser, "link-agent", "alice");
        adminBrowser.driver.findElement(By.id("link-start")).click();
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-stage"), "Waiting for the scan"));
        adminBrowser.wait.until(driver -> {
            WebElement image = driver.findElement(By.id("link-qr"));
            return image.isDisplayed() && Long.parseLong(image.getDomProperty("naturalWidth")) > 0;
        });
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-countdown"), "more seconds"));
        adminBrowser.screenshot("devices-link-qr");
        long device;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            device = InboxDatabase.number(db, "SELECT id FROM companion_device WHERE agent_id = ? AND account_id = ? AND state = 'linking'",
                    alice, account);
        }
        // The phone scans what the screen shows; the test reads the same text through the API.
        String link = SandboxNetwork.get(Browser.BASE + "/api/v1/devices/" + device + "/link", SandboxNetwork.tokenFor("adam"));
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/scan",
                "{\"qr\":\"" + SandboxNetwork.field(link, "qr") + "\"}", null);
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-stage"), "Linked."));
        browser.wait.until(driver -> "connected".equals(state(device)));
        adminBrowser.driver.navigate().refresh();
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices-view"), "connected"));
        // Bob's device is linked with a pairing code that the owner types on the phone-simulator page.
        choose(adminBrowser, "link-account", SandboxNetwork.BUSINESS);
        choose(adminBrowser, "link-agent", "bob");
        adminBrowser.driver.findElements(By.cssSelector("#link-method vaadin-radio-button")).stream()
                .filter(radio -> radio.getText().contains("Pairing code")).findFirst().orElseThrow().click();
        adminBrowser.driver.findElement(By.id("link-start")).click();
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-stage"), "Waiting for the code"));
        String code = adminBrowser.driver.findElement(By.id("link-code")).getText().strip();
        assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"), "a pairing code as XXXX-XXXX: " + code);
        adminBrowser.screenshot("devices-link-code");
        adminBrowser.driver.get(SandboxNetwork.ADMIN + "/");
        adminBrowser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
        adminBrowser.driver.findElement(By.id("enterCode")).click();
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Linked as device"));
        adminBrowser.wait.until(driver -> {
            try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
                return InboxDatabase.number(db, "SELECT count(*) FROM companion_device WHERE agent_id = ? AND account_id = ? AND state = 'connected'",
                        bob, account) == 1;
            } catch (Exception e) {
                return false;
            }
        });
        adminBrowser.driver.get(Browser.BASE + "/devices");
        adminBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices-view"), "2 of 4 companion slots used"));
        adminBrowser.screenshot("devices-linked");

        // A customer writes; the list shows it without a reload.
        String customer = "4917" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/customers",
                "{\"phoneNumber\":\"" + customer + "\",\"name\":\"Dora\",\"devices\":1}", null);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/customers/" + customer + "/send",
                "{\"text\":\"Can I order a birthday cake for Saturday?\"}", null);
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(customer));
        browser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().contains(customer)).findFirst().orElseThrow().click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Can I order a birthday cake for Saturday?"));

        // "/" offers the canned replies; Enter takes the match; Shift+Enter adds a line; Enter sends.
        SandboxNetwork.post(Browser.BASE + "/api/v1/canned-replies",
                "{\"accountId\":" + account + ",\"shortcut\":\"cake" + customer.substring(8) + "\",\"body\":\"Of course!\"}",
                SandboxNetwork.tokenFor("maria"));
        WebElement reply = browser.driver.findElement(By.cssSelector("#reply-input textarea"));
        reply.sendKeys("/cake" + customer.substring(8));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("canned-replies"), "Of course!"));
        reply.sendKeys(Keys.ENTER);
        browser.wait.until(driver -> "Of course!".equals(
                driver.findElement(By.cssSelector("#reply-input textarea")).getDomProperty("value")));
        reply.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        reply.sendKeys("Which flavour would you like?");
        reply.sendKeys(Keys.ENTER);

        String answer = "Of course!\nWhich flavour would you like?";
        browser.wait.until(driver -> {
            try {
                return SandboxNetwork.get(SandboxNetwork.ADMIN + "/api/customers/" + customer + "/messages")
                        .contains("Which flavour would you like?");
            } catch (Exception e) {
                return false;
            }
        });
        browser.wait.until(driver -> !browser.driver.findElements(
                By.cssSelector("#conversation-timeline .message-bubble.outbound[data-delivery='delivered'],"
                        + " #conversation-timeline .message-bubble.outbound[data-delivery='read']")).isEmpty());
        WebElement sent = browser.driver.findElement(By.cssSelector("#conversation-timeline .message-bubble.outbound"));
        assertTrue(sent.getText().contains("Which flavour would you like?") && sent.getText().contains("✓✓"), sent.getText());
        browser.screenshot("reply-delivered");
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            assertEquals(device, InboxDatabase.number(db, "SELECT device_id FROM message WHERE direction = 'outbound' AND body = ?", answer),
                    "sent from Alice's own device, with the line break kept");
        }
        // A manager reassigns the conversation to Bob; Bob's list shows it without a reload.
        try (Browser manager = new Browser()) {
            manager.signIn("maria");
            manager.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
            manager.driver.findElement(By.id("tab-all")).click();
            WebElement all = manager.driver.findElement(By.id("conversation-list"));
            manager.wait.until(driver -> all.getText().contains(customer));
            manager.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().contains(customer)).findFirst().orElseThrow().click();
            manager.wait.until(ExpectedConditions.elementToBeClickable(By.id("assign-select"))).click();
            manager.wait.until(driver -> driver.findElements(By.tagName("vaadin-select-item")).stream()
                    .anyMatch(item -> item.getText().startsWith("Bob Silva")));
            manager.driver.findElements(By.tagName("vaadin-select-item")).stream()
                    .filter(item -> item.getText().startsWith("Bob Silva")).findFirst().orElseThrow().click();
            WebElement bobsList = bobBrowser.driver.findElement(By.id("conversation-list"));
            bobBrowser.wait.until(driver -> bobsList.getText().contains(customer));
            bobBrowser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().contains(customer)).findFirst().orElseThrow().click();
            // The hand-over is shown inline between the messages.
            bobBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                    "maria assigned it to Bob Silva"));

            // The audit viewer lists what happened: the reply and the reassignment.
            manager.driver.get(Browser.BASE + "/audit");
            manager.wait.until(driver -> driver.getPageSource().contains("conversation.assigned")
                    && driver.getPageSource().contains("message.sent"));
        }

        // Eight days without the business phone in use: the admin sees the 14-day warning banner.
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/offline", "{}", null);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/clock/advance", "{\"days\":8}", null);
        long bannerDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        boolean bannerShown = false;
        while (!bannerShown && System.nanoTime() < bannerDeadline) {
            adminBrowser.driver.get(Browser.BASE + "/primary-phone"); // the banner is checked on each navigation
            adminBrowser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("primary-phone-view")));
            List<WebElement> banner = adminBrowser.driver.findElements(By.id("primary-phone-banner"));
            bannerShown = !banner.isEmpty() && banner.get(0).isDisplayed()
                    && banner.get(0).getText().contains("will be logged out in");
            if (!bannerShown) {
                Thread.sleep(3_000);
            }
        }
        assertTrue(bannerShown, "the 14-day warning banner shows for the admin");
        adminBrowser.screenshot("primary-phone-warning");

        Thread.sleep(1_000); // room for a duplicate to arrive, if there were one
        assertEquals(1, SandboxNetwork.get(SandboxNetwork.ADMIN + "/api/customers/" + customer + "/messages")
                .split("Which flavour would you like", -1).length - 1, "the customer got the answer once");
    }

    /** Picks the item containing {@code text} and waits until the box shows it as its value. */
    private static void choose(Browser on, String comboId, String text) {
        on.pick(comboId, text);
        on.wait.until(driver -> String.valueOf(driver.findElement(By.cssSelector("#" + comboId + " input")).getDomProperty("value"))
                .contains(text));
    }

    private static String state(long device) {
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "");
             PreparedStatement query = db.prepareStatement("SELECT state FROM companion_device WHERE id = ?")) {
            query.setLong(1, device);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
