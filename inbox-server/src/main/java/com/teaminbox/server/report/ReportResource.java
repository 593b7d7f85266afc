package com.teaminbox.server.report;

import com.teaminbox.server.Roles;
import com.teaminbox.server.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The manager console's figures: queues and agents now, and daily reports over a range of at
 * most 92 days (UTC), optionally for one queue. Managers and admins only.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ReportResource {

    @Inject
    private Reports reports;

    /** Per queue: open, unassigned waiting, longest wait, SLA; per agent: status, load against capacity, devices. */
    @GET
    @Path("live")
    public LiveReport live() {
        return reports.live();
    }

    /** Per day and per agent over {@code from}..{@code to} (both included, YYYY-MM-DD). */
    @GET
    @Path("daily")
    public DailyReport daily(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("queue") Long queue) {
        return reports.daily(range(from, to), queue);
    }

    /** The per-day rows of {@link #daily} as CSV. */
    @GET
    @Path("daily.csv")
    @Produces("text/csv")
    public Response dailyCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("queue") Long queue) {
        ReportRange range = range(from, to);
        String csv = DailyCsv.of(reports.daily(range, queue));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"report-" + range.from() + "-" + range.to() + ".csv\"")
                .build();
    }

    private static ReportRange range(String from, String to) {
        try {
            return ReportRange.parse(from, to);
        } catch (ReportRange.Invalid invalid) {
            throw new ProblemException(400, invalid.getMessage());
        }
    }
}
