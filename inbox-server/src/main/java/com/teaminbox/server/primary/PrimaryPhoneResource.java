package com.teaminbox.server.primary;

import com.teaminbox.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * GET /api/v1/primary-phone (admins and managers): per business account, the last sign of
 * the primary phone in use and its source, the time left before the 14-day logout, the active
 * warnings, the warning history, the incidents and the recent observations.
 */
@Path("primary-phone")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class PrimaryPhoneResource {

    @Inject
    private PrimaryPhoneStatus status;

    @GET
    public List<PrimaryPhoneStatus.AccountView> accounts() {
        return status.accounts();
    }
}
