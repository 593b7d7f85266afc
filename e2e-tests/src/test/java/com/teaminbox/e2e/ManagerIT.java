package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager assigns a waiting conversation to an agent from the conversation pane, then finds
 * the assignment in the audit viewer and has the hash chain verified.
 */
@ExtendWith(OpenBrowsers.class)
class ManagerIT {

    private static final String KEYCLOAK = System.getProperty("inbox.keycloakUrl", "http://localhost:8180");

    @Test
    void managerAssignsAConversationAndFindsItInTheAudit(Browser browser) throws Exception {
        callApiAs("bob"); // Bob is known to the inbox once he has called the API
        String customer = "Dora " + UUID.randomUUID().toString().substring(0, 6);
        long conversation = InboxDatabase.seedWaitingConversation(null, customer, "Can I change my delivery address?");

        browser.signIn("maria");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Maria Costa"));
        browser.driver.findElement(By.id("tab-all")).click();
        WebElement list = browser.driver.findElement(By.id("conversation-list"));
        browser.wait.until(driver -> list.getText().contains(customer));
        browser.driver.findElements(By.cssSelector("#conversation-list vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(customer)).findFirst().orElseThrow().click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-timeline"),
                "Can I change my delivery address?"));

        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("assign-select"))).click();
        browser.wait.until(driver -> driver.findElements(By.tagName("vaadin-select-item")).stream()
                .anyMatch(item -> item.getText().startsWith("Bob Silva")));
        browser.driver.findElements(By.tagName("vaadin-select-item")).stream()
                .filter(item -> item.getText().startsWith("Bob Silva")).findFirst().orElseThrow().click();
        browser.wait.until(driver -> InboxDatabase.agentId("bob").equals(InboxDatabase.assignee(conversation)));

        browser.driver.get(Browser.BASE + "/audit");
        WebElement filter = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#audit-action-filter input")));
        filter.sendKeys("conversation.assigned");
        WebElement grid = browser.driver.findElement(By.id("audit-grid"));
        browser.wait.until(driver -> grid.getText().contains("conversation " + conversation));
        browser.driver.findElement(By.id("audit-verify-button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verification"),
                "The audit trail is intact"));
        browser.screenshot("audit-manager");
    }

    /** A real API call with Bob's own token, as his browser would make on sign-in. */
    private static void callApiAs(String user) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/inbox/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=inbox-cli&username=" + user
                        + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher access = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertEquals(true, access.find(), token.body());
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(Browser.BASE + "/api/v1/me"))
                .header("Authorization", "Bearer " + access.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
    }
}
