package com.sharewise.strategies.rest;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.orders.rest.Access;
import com.sharewise.security.Accounts;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.strategies.InstanceSpec;
import com.sharewise.strategies.InstanceView;
import com.sharewise.strategies.StrategyException;
import com.sharewise.strategies.StrategyRuntime;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/strategies}: the installed strategy types with their parameters, and strategy
 * instances: create, list, inspect, change, start, pause, stop, delete, and their signals. Traders
 * act on instances of their own accounts; risk officers and admins read every instance. Thin: the
 * work is {@link StrategyRuntime}'s.
 */
@Path("strategies")
@Produces(MediaType.APPLICATION_JSON)
public final class StrategyResource {

  private static final int MAX_SIGNALS = 1000;

  private final StrategyRuntime runtime;
  private final Access access;

  public StrategyResource(StrategyRuntime runtime, Accounts accounts) {
    this.runtime = runtime;
    this.access = new Access(accounts);
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<StrategyTypeDto> types() {
    return runtime.types().stream().map(StrategyTypeDto::of).toList();
  }

  @GET
  @Path("instances")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<InstanceDto> list(
      @QueryParam("accountId") Long accountId, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    Set<Long> accounts = access.visible(user, accountId);
    if (accounts != null && accounts.isEmpty()) {
      return List.of();
    }
    return runtime.list(accounts).stream().map(InstanceDto::of).toList();
  }

  @POST
  @Path("instances")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  public Response create(InstanceRequest body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    InstanceSpec spec = spec(body, null);
    access.requireOwner(user, spec.accountId());
    InstanceView created =
        call(
            () ->
                runtime.create(
                    user.username(), spec, body.start() != null && body.start().booleanValue()));
    return Response.created(URI.create("strategies/instances/" + created.id()))
        .entity(InstanceDto.of(created))
        .build();
  }

  @GET
  @Path("instances/{id}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public InstanceDto get(@PathParam("id") String id, @Context SecurityContext security) {
    return InstanceDto.of(visible(Access.caller(security), id));
  }

  @PUT
  @Path("instances/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  public InstanceDto update(
      @PathParam("id") String id, InstanceRequest body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    InstanceView current = owned(user, id);
    InstanceSpec spec = spec(body, current);
    return InstanceDto.of(call(() -> runtime.update(user.username(), id, spec)));
  }

  @DELETE
  @Path("instances/{id}")
  @RolesAllowed(Roles.TRADER)
  public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    owned(user, id);
    call(
        () -> {
          runtime.delete(user.username(), id);
          return null;
        });
    return Response.noContent().build();
  }

  @POST
  @Path("instances/{id}/start")
  @RolesAllowed(Roles.TRADER)
  public InstanceDto start(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    owned(user, id);
    return InstanceDto.of(call(() -> runtime.start(user.username(), id)));
  }

  @POST
  @Path("instances/{id}/pause")
  @RolesAllowed(Roles.TRADER)
  public InstanceDto pause(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    owned(user, id);
    return InstanceDto.of(call(() -> runtime.pause(user.username(), id)));
  }

  @POST
  @Path("instances/{id}/stop")
  @RolesAllowed(Roles.TRADER)
  public InstanceDto stop(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    owned(user, id);
    return InstanceDto.of(call(() -> runtime.stop(user.username(), id)));
  }

  @GET
  @Path("instances/{id}/signals")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<SignalDto> signals(
      @PathParam("id") String id,
      @QueryParam("before") Long before,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @Context SecurityContext security) {
    visible(Access.caller(security), id);
    if (limit < 1 || limit > MAX_SIGNALS) {
      throw ApiException.badRequest(
          "limit must be between 1 and " + MAX_SIGNALS + ", got " + limit);
    }
    return call(() -> runtime.signals(id, before, limit)).stream().map(SignalDto::of).toList();
  }

  // ---- helpers ----

  /** The instance, when the caller may see it; else 404 as if it did not exist. */
  private InstanceView visible(AuthenticatedUser user, String id) {
    InstanceView instance =
        runtime.find(id).orElseThrow(() -> ApiException.notFound("no strategy instance " + id));
    if (!access.maySee(user, instance.accountId())) {
      throw ApiException.notFound("no strategy instance " + id);
    }
    return instance;
  }

  /** The instance, when the caller owns its account (only owners act on it); else 404. */
  private InstanceView owned(AuthenticatedUser user, String id) {
    InstanceView instance =
        runtime.find(id).orElseThrow(() -> ApiException.notFound("no strategy instance " + id));
    if (!access.own(user).contains(instance.accountId())) {
      throw ApiException.notFound("no strategy instance " + id + " of yours");
    }
    return instance;
  }

  /** The request as a spec; for a PUT, absent fields keep the instance's values. */
  private static InstanceSpec spec(InstanceRequest body, InstanceView current) {
    if (body == null) {
      throw ApiException.badRequest("send the instance as JSON");
    }
    Long accountId = body.accountId();
    if (accountId == null) {
      if (current == null) {
        throw ApiException.badRequest("accountId is required");
      }
      accountId = current.accountId();
    }
    String type = body.strategyType();
    if (type == null || type.isBlank()) {
      if (current == null) {
        throw ApiException.badRequest("strategyType is required, e.g. sma-crossover");
      }
      type = current.strategyType();
    }
    if (current == null && body.timeframe() == null) {
      throw ApiException.badRequest("timeframe is required, one of " + Timeframe.validLabels());
    }
    Timeframe timeframe;
    try {
      timeframe =
          body.timeframe() == null ? current.timeframe() : Timeframe.parse(body.timeframe());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("timeframe: " + e.getMessage());
    }
    if (body.instruments() == null && current != null) {
      return new InstanceSpec(
          accountId,
          body.name(),
          type.trim(),
          current.instruments(),
          timeframe,
          body.parameters() == null ? current.parameters() : body.parameters());
    }
    if (body.instruments() == null || body.instruments().isEmpty()) {
      throw ApiException.badRequest("instruments is required: a list such as [\"NSE:INFY\"]");
    }
    List<InstrumentId> instruments = new ArrayList<>();
    for (int i = 0; i < body.instruments().size(); i++) {
      String text = body.instruments().get(i);
      try {
        instruments.add(InstrumentId.parse(text == null ? "" : text));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("instruments[" + i + "]: " + e.getMessage());
      }
    }
    Map<String, String> parameters =
        body.parameters() == null && current != null ? current.parameters() : body.parameters();
    return new InstanceSpec(
        accountId, body.name(), type.trim(), instruments, timeframe, parameters);
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (StrategyException e) {
      String detail = e.field().isEmpty() ? e.getMessage() : e.field() + ": " + e.getMessage();
      throw switch (e.reason()) {
        case INVALID -> ApiException.badRequest(detail);
        case NOT_FOUND -> ApiException.notFound(detail);
        case CONFLICT -> ApiException.conflict(detail);
        case UNPROCESSABLE -> ApiException.unprocessable(detail);
      };
    }
  }
}
