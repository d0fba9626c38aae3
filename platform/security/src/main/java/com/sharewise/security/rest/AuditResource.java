package com.sharewise.security.rest;

import com.sharewise.audit.AuditEntry;
import com.sharewise.audit.AuditQuery;
import com.sharewise.audit.AuditTrail;
import com.sharewise.audit.Verification;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/audit}: the audit trail, newest first, for admins and risk officers. Page with
 * {@code before} = the {@code next} value of the previous page.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RISK_OFFICER})
public final class AuditResource {

  /** One entry. */
  public record AuditEntryDto(
      long seq,
      Instant occurredAt,
      String actor,
      String action,
      String targetType,
      String targetId,
      Map<String, String> detail,
      String hash) {
    static AuditEntryDto from(AuditEntry entry) {
      var r = entry.record();
      return new AuditEntryDto(
          entry.seq(),
          entry.occurredAt(),
          r.actor(),
          r.action(),
          r.targetType(),
          r.targetId(),
          r.detail(),
          entry.hash());
    }
  }

  /** A page: the entries and the {@code before} value for the next (older) page, if any. */
  public record AuditPageDto(List<AuditEntryDto> entries, Long next) {}

  private final AuditTrail audit;

  public AuditResource(AuditTrail audit) {
    this.audit = audit;
  }

  /** Entries matching the filters (all optional), newest first. */
  @GET
  public AuditPageDto find(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("targetType") String targetType,
      @QueryParam("targetId") String targetId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") Long before,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit must be between 1 and " + AuditQuery.MAX_LIMIT + ", got " + limit);
    }
    Instant fromTime = instant("from", from);
    Instant toTime = instant("to", to);
    if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
      throw ApiException.badRequest("to (" + to + ") must be after from (" + from + ")");
    }
    List<AuditEntryDto> entries =
        audit
            .find(
                new AuditQuery(
                    actor, action, targetType, targetId, fromTime, toTime, before, limit))
            .stream()
            .map(AuditEntryDto::from)
            .toList();
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
    return new AuditPageDto(entries, next);
  }

  /** Recomputes the hash chain: whether any entry was altered or removed. */
  @GET
  @Path("verify")
  public Verification verify() {
    return audit.verify();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant such as 2025-01-31T09:15:00Z, got '" + value + "'");
    }
  }
}
