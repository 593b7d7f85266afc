package com.teaminbox.ui.devices;

import com.teaminbox.ui.layout.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The agents' companion devices and the primary phone (admins only). */
@PageTitle("Devices | Team Inbox")
@Route(value = "devices", layout = MainLayout.class)
@RolesAllowed("admin")
public class DevicesView extends VerticalLayout {

    public DevicesView() {
        add(new H2("Devices"),
                new Paragraph("No companion devices are linked yet. Linking an agent's device by QR code or "
                        + "pairing code arrives with the devices feature."));
    }
}
