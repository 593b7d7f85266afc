package com.teaminbox.server.audit;

import com.teaminbox.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.OffsetDateTime;
import java.util.List;

/** Who did what and when, and whether the record of it is intact. Managers and admins only. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class AuditResource {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditVerifier verifier;

    @Inject
    private AuditExport exporter;

    public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String subjectType, String subjectId,
                             String device, String details) {
    }

    public record AuditPage(List<AuditEntry> items, String next) {
    }

    /** Newest first; filters by action, subject (type and id) and actor; {@code cursor} is the last id seen. */
    @GET
    public AuditPage query(@QueryParam("action") @Size(max = 64) String action,
                           @QueryParam("subjectType") @Size(max = 64) String subjectType,
                           @QueryParam("subjectId") @Size(max = 255) String subjectId,
                           @QueryParam("actor") @Size(max = 255) String actor,
                           @QueryParam("cursor") @Min(1) Long cursor,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, occurred_at, actor, action, subject_type, subject_id, device, details FROM audit_event WHERE true");
        if (action != null) {
            sql.append(" AND action = :action");
        }
        if (subjectType != null) {
            sql.append(" AND subject_type = :subjectType");
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = :subjectId");
        }
        if (actor != null) {
            sql.append(" AND actor = :actor");
        }
        if (cursor != null) {
            sql.append(" AND id < :cursor");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("limit", limit);
        if (action != null) {
            query.setParameter("action", action);
        }
        if (subjectType != null) {
            query.setParameter("subjectType", subjectType);
        }
        if (subjectId != null) {
            query.setParameter("subjectId", subjectId);
        }
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (cursor != null) {
            query.setParameter("cursor", cursor);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEntry> entries = rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
        String next = entries.size() == limit ? Long.toString(entries.get(entries.size() - 1).id()) : null;
        return new AuditPage(entries, next);
    }

    /** Every entry, oldest first, as CSV for the compliance archive; streamed, not built in memory. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export() {
        StreamingOutput csv = out -> exporter.write(out);
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("verify")
    public ChainVerification verify() {
        return verifier.verify();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
