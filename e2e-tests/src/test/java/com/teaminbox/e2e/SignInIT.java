package com.teaminbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signs in through the real Keycloak login page in headless Debian Chromium and checks what
 * each role sees. Runs against the stack that `./inbox test` starts.
 */
@ExtendWith(OpenBrowsers.class)
class SignInIT {

    @Test
    void agentSignsInThroughKeycloakAndIsGreetedByTheServer(Browser browser) throws Exception {
        browser.signIn("alice");

        WebElement greeting = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("greeting")));
        browser.wait.until(ExpectedConditions.textToBePresentInElement(greeting, "Alice Martin"));
        assertEquals("Welcome, Alice Martin", greeting.getText(),
                "the display name comes from inbox-server, fetched with Alice's forwarded token");

        List<String> nav = browser.navigationLabels();
        assertTrue(nav.contains("Inbox"), "an agent sees the Inbox: " + nav);
        assertFalse(nav.contains("Devices"), "an agent never sees Devices: " + nav);
        assertFalse(nav.contains("Team"), "an agent never sees Team: " + nav);

        // Typing the admin page's address is refused on the server, not only hidden.
        browser.driver.get(Browser.BASE + "/devices");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "not available to you"));
    }

    @Test
    void adminSeesDevicesAndLogoutEndsTheKeycloakSession(Browser browser) throws Exception {
        browser.signIn("adam");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Devices"));
        List<String> nav = browser.navigationLabels();
        assertTrue(nav.contains("Devices"), "an admin sees Devices: " + nav);
        assertFalse(nav.contains("Inbox"), "an admin without the agent role has no Inbox: " + nav);
        browser.screenshot("devices-admin");

        browser.driver.findElement(By.id("logout")).click();
        // Back at the login page: the Keycloak session ended too, so there is no silent sign-in.
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.driver.get(Browser.BASE + "/");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.driver.getCurrentUrl().contains("/realms/inbox/"),
                "still on the login page: " + browser.driver.getCurrentUrl());
    }

    @Test
    void managerSeesTheTeamListedByTheServer(Browser browser) throws Exception {
        browser.signIn("maria");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("greeting"), "Maria Costa"));
        List<String> nav = browser.navigationLabels();
        assertTrue(nav.containsAll(List.of("Inbox", "Team")), "a manager who is also an agent: " + nav);
        assertFalse(nav.contains("Devices"), nav.toString());

        browser.driver.get(Browser.BASE + "/team");
        WebElement grid = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-grid")));
        browser.wait.until(driver -> grid.getText().contains("maria"));
        browser.screenshot("team-manager");
    }
}
