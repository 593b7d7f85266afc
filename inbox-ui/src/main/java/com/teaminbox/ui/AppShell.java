package com.teaminbox.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/** The page shell: server push for live updates, a title, a viewport for narrow windows. */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Team Inbox");
        settings.setViewport("width=device-width, initial-scale=1");
    }
}
