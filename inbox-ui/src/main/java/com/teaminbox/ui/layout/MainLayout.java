package com.teaminbox.ui.layout;

import com.teaminbox.ui.security.SignedInUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.inject.Inject;

/** The frame around every page: title, the role's navigation, who is signed in, log out. */
public class MainLayout extends AppLayout {

    private com.teaminbox.ui.primary.PrimaryPhoneBanner banner;

    @Inject
    public MainLayout(SignedInUser user, com.teaminbox.ui.api.InboxApi api) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");

        H1 title = new H1("Team Inbox");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);

        Span who = new Span(user.username() == null ? "" : user.username());
        who.setId("signed-in-user");
        Anchor logout = new Anchor("logout", "Log out");
        logout.setId("logout");
        logout.setRouterIgnore(true); // a servlet, not a view: the browser must really go there

        HorizontalLayout header = new HorizontalLayout(toggle, title, who, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        if (user.hasRole("admin") || user.hasRole("manager")) {
            banner = new com.teaminbox.ui.primary.PrimaryPhoneBanner(api, user::accessToken);
            com.vaadin.flow.component.orderedlayout.VerticalLayout top =
                    new com.vaadin.flow.component.orderedlayout.VerticalLayout(header, banner);
            top.setPadding(false);
            top.setSpacing(false);
            addToNavbar(top);
        } else {
            addToNavbar(header);
        }

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.setLabel("Main navigation");
        for (Navigation.Entry entry : Navigation.allowed()) {
            nav.addItem(new SideNavItem(entry.label(), entry.view(), entry.icon().create()));
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        if (banner != null) {
            banner.check();
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        if (banner != null) {
            event.getUI().addPollListener(poll -> banner.check());
        }
    }
}
