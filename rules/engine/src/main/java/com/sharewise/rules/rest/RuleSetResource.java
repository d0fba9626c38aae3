package com.sharewise.rules.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.rules.Actor;
import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.DryRun;
import com.sharewise.rules.Explanation;
import com.sharewise.rules.PluginRuleSet;
import com.sharewise.rules.RuleKind;
import com.sharewise.rules.RuleSetException;
import com.sharewise.rules.RuleSetService;
import com.sharewise.rules.Rules;
import com.sharewise.rules.Scenario;
import com.sharewise.rules.ScenarioResult;
import com.sharewise.rules.ShadowReport;
import com.sharewise.rules.model.InstrumentLimit;
import com.sharewise.rules.model.Limits;
import com.sharewise.rules.model.RestrictedInstrument;
import com.sharewise.server.ApiException;
import com.sharewise.server.JsonMapper;
import com.sharewise.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/rulesets}: author, test, approve, activate and roll back rule sets; scenarios;
 * shadow runs; limits as data; explanations of decisions. Risk officers write and review; admins
 * may read, activate and roll back. Thin: every rule lives in {@link RuleSetService}.
 */
@Path("rulesets")
@Produces(MediaType.APPLICATION_JSON)
public final class RuleSetResource {

  /**
   * The API's JSON configuration (unknown fields and fractions for whole numbers refused), lenient
   * only about numbers left out or null: they are 0.
   */
  private static final ObjectMapper LENIENT =
      JsonMapper.create()
          .disable(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Rules rules;
  private final RuleSetService service;

  public RuleSetResource(Rules rules) {
    this.rules = rules;
    this.service = rules.service();
  }

  @GET
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<KindDto> kinds() {
    Map<String, Integer> running = rules.runningVersions();
    List<KindDto> kinds = new ArrayList<>();
    for (RuleKind kind : RuleKind.values()) {
      kinds.add(
          new KindDto(
              kind.id(),
              service.activeVersion(kind).map(v -> v.version()).orElse(0),
              running.getOrDefault(kind.id(), 0),
              service.versions(kind).size()));
    }
    return kinds;
  }

  // ---- versions

  @POST
  @Path("{kind}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response create(
      @PathParam("kind") String kind, Requests.NewVersion body, @Context SecurityContext security) {
    if (body == null || body.drl() == null) {
      throw ApiException.badRequest("send {\"drl\": \"…\", \"comment\": \"…\"} or the DRL as text");
    }
    return created(kind, body.drl(), body.comment(), security);
  }

  @POST
  @Path("{kind}/versions")
  @Consumes(MediaType.TEXT_PLAIN)
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response createFromText(
      @PathParam("kind") String kind,
      @QueryParam("comment") String comment,
      String drl,
      @Context SecurityContext security) {
    return created(kind, drl, comment, security);
  }

  private Response created(String kind, String drl, String comment, SecurityContext security) {
    RuleKind parsed = kind(kind);
    VersionDto version =
        call(() -> VersionDto.full(service.createVersion(parsed, drl, comment, actor(security))));
    return Response.created(
            URI.create("rulesets/" + parsed.id() + "/versions/" + version.version()))
        .entity(version)
        .build();
  }

  @GET
  @Path("{kind}/versions")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<VersionDto> versions(@PathParam("kind") String kind) {
    return service.versions(kind(kind)).stream().map(VersionDto::summary).toList();
  }

  @GET
  @Path("{kind}/versions/{version}")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public VersionDto version(@PathParam("kind") String kind, @PathParam("version") int version) {
    return call(() -> VersionDto.full(service.version(kind(kind), version)));
  }

  @GET
  @Path("{kind}/diff")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public Map<String, Object> diff(
      @PathParam("kind") String kind,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    if (from == null || to == null) {
      throw ApiException.badRequest("name both versions: ?from=1&to=2");
    }
    String diff = call(() -> service.diff(kind(kind), from, to));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind(kind).id());
    body.put("from", from);
    body.put("to", to);
    body.put("diff", diff);
    return body;
  }

  @POST
  @Path("{kind}/versions/{version}/submit")
  @RolesAllowed(Roles.RISK_OFFICER)
  public VersionDto submit(
      @PathParam("kind") String kind,
      @PathParam("version") int version,
      @Context SecurityContext security) {
    return call(() -> VersionDto.full(service.submit(kind(kind), version, actor(security))));
  }

  @POST
  @Path("{kind}/versions/{version}/approve")
  @RolesAllowed(Roles.RISK_OFFICER)
  public VersionDto approve(
      @PathParam("kind") String kind,
      @PathParam("version") int version,
      Requests.Review review,
      @Context SecurityContext security) {
    return call(
        () ->
            VersionDto.full(
                service.approve(kind(kind), version, comment(review), actor(security))));
  }

  @POST
  @Path("{kind}/versions/{version}/reject")
  @RolesAllowed(Roles.RISK_OFFICER)
  public VersionDto reject(
      @PathParam("kind") String kind,
      @PathParam("version") int version,
      Requests.Review review,
      @Context SecurityContext security) {
    return call(
        () ->
            VersionDto.full(service.reject(kind(kind), version, comment(review), actor(security))));
  }

  @POST
  @Path("{kind}/versions/{version}/activate")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public VersionDto activate(
      @PathParam("kind") String kind,
      @PathParam("version") int version,
      @Context SecurityContext security) {
    return call(() -> VersionDto.full(service.activate(kind(kind), version, actor(security))));
  }

  @POST
  @Path("{kind}/rollback")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public VersionDto rollback(
      @PathParam("kind") String kind, Requests.VersionRef body, @Context SecurityContext security) {
    int version = requireVersion(body == null ? null : body.version());
    return call(() -> VersionDto.full(service.rollback(kind(kind), version, actor(security))));
  }

  // ---- scenarios and dry runs

  @GET
  @Path("{kind}/scenarios")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<Scenario> scenarios(@PathParam("kind") String kind) {
    return service.scenarioList(kind(kind));
  }

  @PUT
  @Path("{kind}/scenarios/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public Scenario saveScenario(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      JsonNode json,
      @Context SecurityContext security) {
    if (json == null) {
      throw ApiException.badRequest("send the scenario: {\"given\": {…}, \"expect\": {…}}");
    }
    Scenario body = fromJson(json, Scenario.class, "");
    Scenario named = new Scenario(name, body.description(), body.given(), body.expect());
    return call(() -> service.saveScenario(kind(kind), named, actor(security)));
  }

  @DELETE
  @Path("{kind}/scenarios/{name}")
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response deleteScenario(
      @PathParam("kind") String kind,
      @PathParam("name") String name,
      @Context SecurityContext security) {
    call(
        () -> {
          service.deleteScenario(kind(kind), name, actor(security));
          return null;
        });
    return Response.noContent().build();
  }

  /** Runs the kind's scenarios against a version ({@code ?version=}, default the active one). */
  @POST
  @Path("{kind}/scenarios/run")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<ScenarioResult> runScenarios(
      @PathParam("kind") String kind, @QueryParam("version") Integer version) {
    return call(() -> service.runScenarios(kind(kind), version));
  }

  @POST
  @Path("{kind}/evaluate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public DryRun evaluate(@PathParam("kind") String kind, Requests.Evaluate body) {
    if (body == null || body.given() == null) {
      throw ApiException.badRequest("send {\"given\": {\"order\": {…}, …}} (and a version)");
    }
    Scenario.Given given = fromJson(body.given(), Scenario.Given.class, "given");
    return call(() -> service.dryRun(kind(kind), body.version(), given));
  }

  // ---- shadow mode

  @GET
  @Path("{kind}/shadow")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<ShadowReport> shadowRuns(@PathParam("kind") String kind) {
    return service.shadowRuns(kind(kind));
  }

  @POST
  @Path("{kind}/shadow")
  @RolesAllowed(Roles.RISK_OFFICER)
  public ShadowReport startShadow(
      @PathParam("kind") String kind, Requests.VersionRef body, @Context SecurityContext security) {
    int version = requireVersion(body == null ? null : body.version());
    return call(() -> service.startShadow(kind(kind), version, actor(security)));
  }

  @DELETE
  @Path("{kind}/shadow")
  @RolesAllowed(Roles.RISK_OFFICER)
  public ShadowReport stopShadow(
      @PathParam("kind") String kind, @Context SecurityContext security) {
    return call(() -> service.stopShadow(kind(kind), actor(security)));
  }

  @POST
  @Path("{kind}/shadow/replay")
  @RolesAllowed(Roles.RISK_OFFICER)
  public ShadowReport replay(
      @PathParam("kind") String kind, Requests.Replay body, @Context SecurityContext security) {
    int version = requireVersion(body == null ? null : body.version());
    Instant to = body.to() == null ? Instant.now() : body.to();
    Instant from = body.from() == null ? to.minusSeconds(86_400) : body.from();
    int limit = body.limit() == null ? 10_000 : body.limit();
    if (limit < 1 || limit > 100_000) {
      throw ApiException.badRequest("limit must be between 1 and 100000, got " + limit);
    }
    return call(() -> service.replay(kind(kind), version, from, to, limit, actor(security)));
  }

  @GET
  @Path("{kind}/shadow/{run}")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public ShadowReport shadowReport(
      @PathParam("kind") String kind,
      @PathParam("run") long run,
      @QueryParam("limit") @DefaultValue("1000") int limit) {
    return call(() -> service.shadowReport(kind(kind), run, Math.max(0, Math.min(limit, 10_000))));
  }

  // ---- explanations and plugins

  @GET
  @Path("decisions/{id}")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN, Roles.TRADER})
  public Explanation explain(@PathParam("id") String id) {
    return rules
        .riskGate()
        .explain(id)
        .orElseThrow(() -> ApiException.notFound("there is no decision '" + id + "'"));
  }

  @GET
  @Path("plugins")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public List<PluginRuleSet> pluginRules() {
    return service.pluginRules();
  }

  // ---- limits as data

  @GET
  @Path("limits")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public Map<String, Object> limits() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("defaults", service.limits(Limits.DEFAULT_ACCOUNT));
    body.put("accounts", service.accountLimits());
    body.put("restricted", service.restricted());
    body.put("instrumentLimits", service.instrumentLimits());
    return body;
  }

  @GET
  @Path("limits/{account}")
  @RolesAllowed({Roles.RISK_OFFICER, Roles.ADMIN})
  public Limits accountLimits(@PathParam("account") String account) {
    return service.limits(account);
  }

  @PUT
  @Path("limits/{account}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public Limits putLimits(
      @PathParam("account") String account, JsonNode json, @Context SecurityContext security) {
    if (json == null) {
      throw ApiException.badRequest("send the limits as JSON (see GET /api/v1/rulesets/limits)");
    }
    Limits body = fromJson(json, Limits.class, "");
    Limits limits = call(() -> body.forAccount(account));
    return call(() -> service.putLimits(limits, actor(security)));
  }

  @DELETE
  @Path("limits/{account}")
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response deleteLimits(
      @PathParam("account") String account, @Context SecurityContext security) {
    call(
        () -> {
          service.deleteLimits(account, actor(security));
          return null;
        });
    return Response.noContent().build();
  }

  @PUT
  @Path("restricted/{instrument}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public RestrictedInstrument restrict(
      @PathParam("instrument") String instrument,
      Requests.Restriction body,
      @Context SecurityContext security) {
    String reason = body == null || body.reason() == null ? "" : body.reason();
    return call(
        () ->
            service.restrict(
                new RestrictedInstrument(instrument(instrument), reason), actor(security)));
  }

  @DELETE
  @Path("restricted/{instrument}")
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response unrestrict(
      @PathParam("instrument") String instrument, @Context SecurityContext security) {
    call(
        () -> {
          service.unrestrict(instrument(instrument), actor(security));
          return null;
        });
    return Response.noContent().build();
  }

  @PUT
  @Path("instrument-limits/{instrument}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public InstrumentLimit putInstrumentLimit(
      @PathParam("instrument") String instrument,
      Requests.PositionLimit body,
      @Context SecurityContext security) {
    if (body == null || body.maxPositionQuantity() == null || body.maxPositionQuantity() < 0) {
      throw ApiException.badRequest("send {\"maxPositionQuantity\": <shares ≥ 0>}");
    }
    return call(
        () ->
            service.putInstrumentLimit(
                new InstrumentLimit(instrument(instrument), body.maxPositionQuantity()),
                actor(security)));
  }

  @DELETE
  @Path("instrument-limits/{instrument}")
  @RolesAllowed(Roles.RISK_OFFICER)
  public Response deleteInstrumentLimit(
      @PathParam("instrument") String instrument, @Context SecurityContext security) {
    call(
        () -> {
          service.deleteInstrumentLimit(instrument(instrument), actor(security));
          return null;
        });
    return Response.noContent().build();
  }

  // ---- helpers

  private static RuleKind kind(String text) {
    try {
      return RuleKind.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private static String instrument(String text) {
    try {
      return com.sharewise.api.market.InstrumentId.parse(text).toString();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /**
   * Facts and limits are read leniently (a number left out is 0), scenarios strictly otherwise (an
   * unknown field is an author's typo).
   */
  private static <T> T fromJson(JsonNode json, Class<T> type, String member) {
    try {
      return LENIENT.treeToValue(json, type);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw ApiException.badRequest(JsonMapper.describe(e, member));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw ApiException.badRequest("invalid " + member + ": " + e.getMessage());
    }
  }

  private static int requireVersion(Integer version) {
    if (version == null || version < 1) {
      throw ApiException.badRequest("name the version: {\"version\": 3}");
    }
    return version;
  }

  private static String comment(Requests.Review review) {
    return review == null || review.comment() == null ? "" : review.comment();
  }

  static Actor actor(SecurityContext security) {
    if (security == null || security.getUserPrincipal() == null) {
      throw new ApiException(401, "Unauthorized", "sign in to change rule sets");
    }
    Set<String> roles = new java.util.HashSet<>();
    for (String role : List.of(Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN)) {
      if (security.isUserInRole(role)) {
        roles.add(role);
      }
    }
    return new Actor(security.getUserPrincipal().getName(), roles);
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuleSetException e) {
      throw toApi(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  static ApiException toApi(RuleSetException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> ApiException.notFound(e.getMessage());
      case INVALID_REQUEST -> ApiException.badRequest(e.getMessage());
      case CONFLICT -> ApiException.conflict(e.getMessage());
      case FORBIDDEN -> new ApiException(403, "Forbidden", e.getMessage());
      case INVALID_DRL ->
          new ApiException(
              422,
              "Rules refused",
              e.getMessage(),
              Map.of("problems", e.problems().stream().map(RuleSetResource::problem).toList()),
              e);
    };
  }

  private static Map<String, Object> problem(DrlProblem p) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("severity", p.severity());
    map.put("source", p.source());
    map.put("line", p.line());
    map.put("column", p.column());
    map.put("message", p.message());
    return map;
  }
}
