package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Files both ways through real parts: a customer of the sandbox network sends a photo with a
 * caption and Alice sees it inline in the conversation (fetched and decrypted by the inbox
 * through her own token); she attaches a PDF, which the customer's phone receives byte for byte
 * from her device; a program (setup.exe) is refused with a sentence and leaves no bubble.
 */
@ExtendWith(OpenBrowsers.class)
class AttachmentsIT {

    private static final Pattern MEDIA = Pattern.compile("\"media\"\\s*:\\s*\\{([^{}]*)\\}");

    private Path files;

    @BeforeEach
    void makeFolder() throws Exception {
        files = Files.createTempDirectory("inbox-attachments");
    }

    @Test
    void aPhotoIsShownInlineAndADocumentReachesTheCustomer(Browser browser) throws Exception {
        browser.signIn("alice"); // registers Alice with the inbox
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Alice"));
        long account;
        long alice;
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            InboxDatabase.FrontDesk desk = InboxDatabase.frontDesk(db);
            account = desk.account();
            long queue = desk.queue();
            alice = InboxDatabase.inQueue(db, "alice", queue, "online");
            // Colleagues left online by other tests would share the routing: the customer's chat goes to Alice.
            InboxDatabase.update(db, "UPDATE agent SET status = 'away' WHERE id <> ? AND id IN "
                    + "(SELECT agent_id FROM agent_queue WHERE queue_id = ?)", alice, queue);
        }
        long device = connectedDevice(account, alice);

        // The customer sends a photo with a caption; Alice's list shows the new chat live.
        String customer = "4917" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L));
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/customers",
                "{\"phoneNumber\":\"" + customer + "\",\"name\":\"Erik\",\"devices\":1}", null);
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/customers/" + customer + "/send-media",
                "{\"mimeType\":\"image/png\",\"data\":\"" + Base64.getEncoder().encodeToString(png(160, 120))
                        + "\",\"caption\":\"Is this the cake?\"}", null);
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(customer));
        browser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().contains(customer)).findFirst().orElseThrow().click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"), "Is this the cake?"));

        // The image is shown inline: the browser has decoded real pixels, not a broken-image icon.
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        browser.wait.until(driver -> Boolean.TRUE.equals(js.executeScript(
                "const img = document.querySelector('#conversation-timeline .message-bubble.inbound img.attachment-image');"
                        + " return img !== null && img.complete && img.naturalWidth > 0;")));
        assertEquals(160L, ((Number) js.executeScript(
                "return document.querySelector('#conversation-timeline img.attachment-image').naturalWidth;")).longValue());

        // Alice attaches a PDF with the reply box's text as its caption.
        byte[] pdf = ("%PDF-1.4\n% Team Inbox test invoice " + customer + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path invoice = Files.write(files.resolve("invoice.pdf"), pdf);
        browser.driver.findElement(By.cssSelector("#reply-input textarea")).sendKeys("Here is your invoice.");
        fileInput(browser).sendKeys(invoice.toAbsolutePath().toString());
        browser.wait.until(driver -> driver.findElements(By.cssSelector("#conversation-timeline .message-bubble.outbound a.attachment-download"))
                .stream().anyMatch(link -> link.getText().contains("invoice.pdf")));
        WebElement sent = browser.driver.findElements(By.cssSelector("#conversation-timeline .message-bubble.outbound")).stream()
                .filter(bubble -> bubble.getText().contains("invoice.pdf")).findFirst().orElseThrow();
        assertTrue(sent.getText().contains("Here is your invoice."), "the caption under the file: " + sent.getText());
        browser.wait.until(driver -> "".equals(
                driver.findElement(By.cssSelector("#reply-input textarea")).getDomProperty("value")));

        // The customer's phone received the very bytes Alice uploaded, from her device.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        browser.wait.until(driver -> {
            try {
                return receivedMedia(SandboxNetwork.get(SandboxNetwork.ADMIN + "/api/customers/" + customer + "/messages"),
                        "application/pdf", sha256);
            } catch (Exception e) {
                return false;
            }
        });
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "")) {
            assertEquals(device, InboxDatabase.number(db, "SELECT m.device_id FROM message m JOIN conversation c ON c.id = m.conversation_id "
                    + "JOIN contact k ON k.id = c.contact_id WHERE m.direction = 'outbound' AND k.phone_number LIKE ? "
                    + "ORDER BY m.id DESC LIMIT 1", "%" + customer), "sent from Alice's own device");
        }
        // the customer's photo and the agent's invoice in one picture for docs/screenshots
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.querySelector('img.attachment-image').scrollIntoView({block: 'start'});"
                        + "document.getElementById('conversation-pane').scrollTop = 0;");
        browser.screenshot("attachments");

        // A program is refused with a sentence, and no bubble appears for it.
        int bubbles = bubbleCount(browser);
        Path setup = Files.write(files.resolve("setup.exe"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        fileInput(browser).sendKeys(setup.toAbsolutePath().toString());
        browser.wait.until(driver -> {
            WebElement problem = driver.findElement(By.id("conversation-problem"));
            return problem.isDisplayed() && problem.getText().contains("cannot be sent");
        });
        Thread.sleep(1_500); // room for a bubble to turn up, if one were wrongly stored
        assertEquals(bubbles, bubbleCount(browser), "no bubble for the refused file");
        assertFalse(browser.driver.findElement(By.id("conversation-timeline")).getText().contains("setup.exe"),
                "setup.exe is nowhere in the conversation");
    }

    /** Alice's connected device on the account; links one through the sandbox phone when she has none. */
    private static long connectedDevice(long account, long agent) throws Exception {
        Long existing = device(account, agent, "connected");
        if (existing != null) {
            return existing;
        }
        String admin = SandboxNetwork.tokenFor("adam");
        String started = SandboxNetwork.post(Browser.BASE + "/api/v1/devices", "{\"accountId\":" + account + ",\"agentId\":" + agent
                + ",\"method\":\"qr\",\"replaceExisting\":true}", admin);
        long device = SandboxNetwork.number(started, "deviceId");
        // The phone scans the QR the devices screen would show; the test reads the same text through the API.
        String qr = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (qr == null && System.nanoTime() < deadline) {
            try {
                qr = SandboxNetwork.field(SandboxNetwork.get(Browser.BASE + "/api/v1/devices/" + device + "/link", admin), "qr");
            } catch (IllegalStateException notYet) {
                Thread.sleep(500);
            }
        }
        assertTrue(qr != null, "the link shows a QR code");
        SandboxNetwork.post(SandboxNetwork.ADMIN + "/api/phone/scan", "{\"qr\":\"" + qr + "\"}", null);
        long connectBy = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Long.valueOf(device).equals(device(account, agent, "connected")) && System.nanoTime() < connectBy) {
            Thread.sleep(500);
        }
        assertEquals(Long.valueOf(device), device(account, agent, "connected"), "Alice's device is connected");
        return device;
    }

    private static Long device(long account, long agent, String state) {
        try (Connection db = DriverManager.getConnection(InboxDatabase.DB_URL, "postgres", "");
             PreparedStatement query = db.prepareStatement(
                     "SELECT id FROM companion_device WHERE account_id = ? AND agent_id = ? AND state = ? ORDER BY id DESC LIMIT 1")) {
            query.setLong(1, account);
            query.setLong(2, agent);
            query.setString(3, state);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file input of the attachment upload: vaadin-upload keeps it in its shadow DOM in some
     * versions and in the light DOM in others. Chromium takes a path typed into it as the chosen file.
     */
    private static WebElement fileInput(Browser browser) {
        String find = "const upload = document.querySelector('vaadin-upload#attachment-upload');"
                + " return upload.querySelector('input[type=file]')"
                + " || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));";
        browser.wait.until(driver -> ((JavascriptExecutor) driver).executeScript(find) != null);
        return (WebElement) ((JavascriptExecutor) browser.driver).executeScript(find);
    }

    private static int bubbleCount(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#conversation-timeline .message-bubble")).size();
    }

    /** Whether one of the customer's received messages carries media of this type and hash. */
    private static boolean receivedMedia(String messages, String mimeType, String sha256) {
        Matcher media = MEDIA.matcher(messages);
        while (media.find()) {
            String fields = "{" + media.group(1) + "}";
            try {
                if (mimeType.equals(SandboxNetwork.field(fields, "mimeType"))
                        && sha256.equals(SandboxNetwork.field(fields, "sha256").toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } catch (IllegalStateException missingField) {
                // another kind of media entry: look on
            }
        }
        return false;
    }

    /** A real PNG: a cake-coloured block with a candle, so the browser decodes actual pixels. */
    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xFF, 0xF3, 0xE0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xD8, 0x8C, 0x5A));
        g.fillRect(4, height / 2, width - 8, height / 2 - 2);
        g.setColor(Color.RED);
        g.fillRect(width / 2 - 1, 4, 3, height / 2 - 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
