package com.teaminbox.ui.security;

import com.teaminbox.ui.layout.Navigation;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;

/**
 * Decides on the server, before a view opens, whether the signed-in role may open it
 * ({@link RolesAllowed} on the view). Hiding a menu entry is not enough: a typed URL must
 * be refused too.
 */
public class RoleGuard {

    void installOnEveryUi(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(new Check()));
    }

    /** True when the current request's user holds one of the roles the view requires. */
    public static boolean mayOpen(Class<?> view) {
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return true;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && Arrays.stream(allowed.value()).anyMatch(request::isUserInRole);
    }

    private static final class Check implements BeforeEnterListener {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            if (mayOpen(event.getNavigationTarget())) {
                return;
            }
            // The start page is the Inbox; people without the agent role start on their first own page.
            if (event.getLocation().getPath().isEmpty()) {
                var home = Navigation.firstAllowed();
                if (home.isPresent()) {
                    event.forwardTo(home.get().view());
                    return;
                }
            }
            event.rerouteTo(NotAllowedView.class);
        }
    }
}
