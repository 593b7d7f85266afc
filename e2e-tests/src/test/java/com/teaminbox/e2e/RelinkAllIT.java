package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The step back after a mass logout: Alice and Bob have devices on the demo business, the
 * business phone stays unused past the network's 14-day rule and every companion is removed;
 * the admin presses Re-link all on the Devices screen, the codes come one after the other, the
 * owner scans each, and the report says per agent that the device is linked again. Runs last
 * (the sandbox clock only moves forward, and every companion of the business goes with it).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(OpenBrowsers.class)
class RelinkAllIT {

    @Test
    void afterTheFourteenDayLogoutReLinkAllBringsEveryAgentBack(Browser adam, Browser alice, Browser bob) throws Exception {
        alice.signIn("alice");
        bob.signIn("bob");
        String adamsToken = SandboxNetwork.tokenFor("adam");
        long account;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            account = InboxDatabase.frontDesk(db).account();
            for (String agent : List.of("alice", "bob")) {
                long agentId = InboxDatabase.number(db, "SELECT id FROM agent WHERE username = ?", agent);
                if (InboxDatabase.number(db, "SELECT count(*) FROM companion_device WHERE agent_id = ? AND account_id = ? AND state = 'connected'",
                        agentId, account) == 0) {
                    String link = SandboxNetwork.post(Browser.BASE + "/api/v1/devices", "{\"accountId\":" + account + ",\"agentId\":" + agentId
                            + ",\"method\":\"qr\",\"replaceExisting\":true}", adamsToken);
                    SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/scan", "{\"qr\":\"" + SandboxNetwork.field(link, "qr") + "\"}", null);
                }
            }
        }
        adam.signIn("adam");
        adam.wait.until(driver -> connectedAgents(account).containsAll(Set.of("alice", "bob")));

        // The owner leaves the phone alone for fifteen days: the network removes every companion.
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/offline", "{}", null);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/clock/advance", "{\"days\":15}", null);
        adam.wait.until(driver -> liveDevices(account) == 0);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/online", "{}", null);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/use", "{}", null);

        adam.driver.get(Browser.BASE + "/devices");
        WebElement relink = adam.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("relink-all")));
        String offer = adam.driver.findElement(By.id("relink-offer")).getText();
        assertTrue(offer.contains("Alice") && offer.contains("Bob") && offer.contains("14-day rule"), offer);
        relink.click();

        // Each code in turn: the owner scans what the screen shows, the next one follows by itself.
        Set<String> scanned = new HashSet<>();
        while (true) {
            adam.wait.until(driver -> !reportLines(adam).isEmpty());
            if (!anyShowing(adam)) {
                break;
            }
            WebElement qrText = adam.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#link-qr-text input")));
            adam.wait.until(driver -> {
                String qr = qrText.getDomProperty("value");
                return qr != null && qr.startsWith("sandbox-link:") && !scanned.contains(qr);
            });
            String qr = qrText.getDomProperty("value");
            scanned.add(qr);
            if (scanned.size() == 1) {
                adam.screenshot("devices-relink-all");
            }
            SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/scan", "{\"qr\":\"" + qr + "\"}", null);
            String showing = reportLines(adam).stream().filter(line -> line.endsWith("showing its code now")).findFirst().orElseThrow();
            String agent = showing.substring(0, showing.indexOf(':'));
            adam.wait.until(driver -> reportLines(adam).contains(agent + ": linked"));
        }
        List<String> report = reportLines(adam);
        assertTrue(report.stream().allMatch(line -> line.endsWith(": linked")), "every agent linked again: " + report);
        assertTrue(report.contains("Alice Martin: linked") && report.contains("Bob Silva: linked"), report.toString());
        adam.wait.until(driver -> connectedAgents(account).containsAll(Set.of("alice", "bob")));
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            assertEquals(0, InboxDatabase.number(db, "SELECT count(*) FROM audit_event WHERE action = 'device.foreign-detected'"),
                    "the inbox never calls its own logged-out devices foreign");
        }
    }

    private static List<String> reportLines(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#relink-report p")).stream().map(WebElement::getText).toList();
    }

    private static boolean anyShowing(Browser browser) {
        return reportLines(browser).stream().anyMatch(line -> line.endsWith("showing its code now"));
    }

    private static Set<String> connectedAgents(long account) {
        Set<String> agents = new HashSet<>();
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "");
             var query = db.prepareStatement("SELECT a.username FROM companion_device d JOIN agent a ON a.id = d.agent_id "
                     + "WHERE d.account_id = ? AND d.state = 'connected'")) {
            query.setLong(1, account);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    agents.add(rows.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return agents;
    }

    private static long liveDevices(long account) {
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            return InboxDatabase.number(db, "SELECT count(*) FROM companion_device WHERE account_id = ? AND state IN ('linked', 'connected', 'disconnected')",
                    account);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
