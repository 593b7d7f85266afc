package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An admin adds an agent who goes by one name on the Agents screen (the Keycloak user is
 * created for real), the agent signs in with the temporary password and lands in the inbox
 * without being asked for a last name, the admin sees a refused duplicate explained, and
 * disables the agent with a reason. The Keycloak user is
 * deleted afterwards through the realm's admin API so that runs do not pile up users.
 */
@ExtendWith(OpenBrowsers.class)
class AgentsIT {

    private String username;

    @AfterEach
    void deleteUser() throws Exception {
        if (username != null) {
            deleteKeycloakUser(username);
        }
    }

    @Test
    void anAdminAddsAnAgentWithOneNameWhoSignsInAndIsDisabled(Browser browser, Browser erinsBrowser) throws Exception {
        username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("adam");
        browser.driver.get(Browser.BASE + "/agents");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-agent"))).click();
        fill(browser, "new-agent-username", username);
        fill(browser, "new-agent-email", username + "@teaminbox.example");
        fill(browser, "new-agent-name", "Erin");
        fill(browser, "new-agent-password", "temporary-" + username);
        browser.driver.findElement(By.id("create-agent")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents-done"), "Erin was added"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents-grid"), username));
        browser.screenshot("agents-admin");

        // Erin signs in: Keycloak asks for a new password (the temporary one), then nothing else.
        erinsBrowser.driver.get(Browser.BASE + "/");
        erinsBrowser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        erinsBrowser.driver.findElement(By.id("password")).sendKeys("temporary-" + username);
        erinsBrowser.driver.findElement(By.id("kc-login")).click();
        erinsBrowser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new"))).sendKeys("own-" + username);
        erinsBrowser.driver.findElement(By.id("password-confirm")).sendKeys("own-" + username);
        erinsBrowser.driver.findElement(By.cssSelector("[type=submit]")).click();
        erinsBrowser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Erin"));

        // The same user name again: refused with the server's sentence, in the dialog.
        browser.driver.findElement(By.id("add-agent")).click();
        fill(browser, "new-agent-username", username);
        fill(browser, "new-agent-email", "other-" + username + "@teaminbox.example");
        fill(browser, "new-agent-name", "Greta Again");
        browser.driver.findElement(By.id("create-agent")).click();
        browser.wait.until(driver -> driver.findElements(By.cssSelector(".dialog-error")).stream()
                .anyMatch(e -> e.isDisplayed() && e.getText().toLowerCase().contains("taken")));
        browser.driver.findElements(By.cssSelector("vaadin-button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().equals("Cancel")).findFirst().orElseThrow().click();

        // Disable with a reason.
        WebElement toggle = browser.driver.findElement(By.id("toggle-" + username));
        assertTrue(toggle.getText().equals("Disable"), toggle.getText());
        // Other tests leave many agents: the new one's row may be far down the page.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", toggle);
        toggle.click();
        fill(browser, "disable-reason", "left the company");
        browser.driver.findElement(By.id("confirm-disable")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents-grid"), "disabled: left the company"));
    }

    private static void fill(Browser browser, String id, String value) {
        WebElement field = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " input")));
        field.clear();
        field.sendKeys(value);
    }

    private static void deleteKeycloakUser(String username) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = SandboxNetwork.field(http.send(HttpRequest.newBuilder(URI.create(SandboxNetwork.KEYCLOAK
                                + "/realms/inbox/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=inbox-admin-service"
                                + "&client_secret=inbox-admin-service-demo-secret")).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "access_token");
        String users = http.send(HttpRequest.newBuilder(URI.create(SandboxNetwork.KEYCLOAK + "/admin/realms/inbox/users?exact=true&username="
                + username)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (users.contains("\"id\"")) {
            String id = SandboxNetwork.field(users, "id");
            http.send(HttpRequest.newBuilder(URI.create(SandboxNetwork.KEYCLOAK + "/admin/realms/inbox/users/" + id))
                    .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
