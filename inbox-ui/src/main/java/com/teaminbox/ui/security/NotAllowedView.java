package com.teaminbox.ui.security;

import com.teaminbox.ui.layout.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Shown instead of a view the signed-in role may not open. */
@PageTitle("Not available | Team Inbox")
@Route(value = "not-allowed", layout = MainLayout.class)
public class NotAllowedView extends VerticalLayout {

    public NotAllowedView() {
        add(new H2("This page is not available to you"),
                new Paragraph("Your role does not include this part of Team Inbox. "
                        + "Ask an administrator if you think it should."));
    }
}
