package com.teaminbox.server.settings;

import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The Settings screen's API, for admins: everything at once, one section changed at a time.
 * Each answer is the settings as they are now in force; secrets appear only as "…Set" flags.
 */
@Path("admin/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SettingsResource {

    @Inject
    private JsonWebToken token;

    @Inject
    private SettingsAdministration administration;

    @Inject
    private SavedSettings saved;

    @GET
    public SettingsAdministration.Settings settings() {
        return administration.settings();
    }

    @PUT
    @Path("primary-phone")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsAdministration.Settings primaryPhone(@NotNull SettingsAdministration.PrimaryPhoneChange change) {
        administration.changePrimaryPhone(actor(), change);
        return applied();
    }

    @PUT
    @Path("mail")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsAdministration.Settings mail(@NotNull SettingsAdministration.MailChange change) {
        administration.changeMail(actor(), change);
        return applied();
    }

    @PUT
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsAdministration.Settings webhook(@NotNull SettingsAdministration.WebhookChange change) {
        administration.changeWebhook(actor(), change);
        return applied();
    }

    @PUT
    @Path("queues/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsAdministration.Settings queue(@PathParam("id") long id, @NotNull SettingsAdministration.QueueChange change) {
        administration.changeQueue(actor(), id, change);
        return applied();
    }

    /** The section's saved values are dropped: the configured ones are in force again. */
    @DELETE
    @Path("{section}")
    public SettingsAdministration.Settings reset(@PathParam("section") String section) {
        administration.reset(actor(), section);
        return applied();
    }

    /** The change committed: this instance reads it from now on (others within seconds). */
    private SettingsAdministration.Settings applied() {
        saved.changed();
        return administration.settings();
    }

    private String actor() {
        return Caller.of(token).username();
    }
}
