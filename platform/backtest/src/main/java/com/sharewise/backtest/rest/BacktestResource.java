package com.sharewise.backtest.rest;

import com.sharewise.backtest.BacktestException;
import com.sharewise.backtest.runs.BacktestView;
import com.sharewise.backtest.runs.Backtests;
import com.sharewise.backtest.runs.BacktestsBusyException;
import com.sharewise.backtest.runs.OptimisationResult;
import com.sharewise.backtest.runs.OptimisationView;
import com.sharewise.backtest.runs.Optimisations;
import com.sharewise.backtest.runs.Rows;
import com.sharewise.security.Accounts;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/backtests}: traders submit backtests and optimisations and read their own; risk
 * officers and admins read everyone's. Someone else's backtest answers 404, as if it did not exist.
 * A submission is checked at once (400 naming a bad field, 422 when there are no bars) and answered
 * 202 with the queued run; its progress is on the {@code backtests} WebSocket channel.
 */
@Path("backtests")
@Produces(MediaType.APPLICATION_JSON)
public final class BacktestResource {

  private static final int MAX_PAGE = 10_000;

  private final Backtests backtests;
  private final Optimisations optimisations;
  private final Accounts accounts;

  public BacktestResource(Backtests backtests, Optimisations optimisations, Accounts accounts) {
    this.backtests = backtests;
    this.optimisations = optimisations;
    this.accounts = accounts;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  public Response submit(BacktestRequestDto body, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    if (body == null) {
      throw ApiException.badRequest("send the backtest as JSON");
    }
    requireOwnAccount(user, body.accountId());
    BacktestView view = call(() -> backtests.submit(user.userId(), body.toRequest()));
    return Response.accepted(BacktestDto.of(view))
        .location(URI.create("backtests/" + view.id()))
        .build();
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<BacktestDto> list(
      @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    return backtests.list(readsAll(user) ? null : user.userId(), page(limit)).stream()
        .map(BacktestDto::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public BacktestDto get(@PathParam("id") String id, @Context SecurityContext security) {
    return BacktestDto.of(visible(id, caller(security)));
  }

  @GET
  @Path("{id}/trades")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<Rows.Trade> trades(
      @PathParam("id") String id,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("1000") int limit,
      @Context SecurityContext security) {
    visible(id, caller(security));
    return backtests.trades(id, Math.max(0, offset), page(limit));
  }

  @GET
  @Path("{id}/equity")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<Rows.EquityPoint> equity(
      @PathParam("id") String id, @Context SecurityContext security) {
    visible(id, caller(security));
    return backtests.equity(id);
  }

  @GET
  @Path("{id}/orders")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<Rows.Order> orders(
      @PathParam("id") String id,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("1000") int limit,
      @Context SecurityContext security) {
    visible(id, caller(security));
    return backtests.orders(id, Math.max(0, offset), page(limit));
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed({Roles.TRADER, Roles.ADMIN})
  public BacktestDto cancel(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    BacktestView view = visible(id, user);
    if (!user.hasRole(Roles.ADMIN) && view.ownerId() != user.userId()) {
      throw ApiException.notFound("no backtest " + id);
    }
    if (view.status().isFinal() || !backtests.cancel(id)) {
      throw ApiException.conflict("backtest " + id + " is already " + view.status());
    }
    return BacktestDto.of(backtests.find(id).orElse(view));
  }

  @GET
  @Path("correlations")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public CorrelationDto correlations(
      @QueryParam("ids") String ids, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    List<String> list =
        ids == null
            ? List.of()
            : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (list.size() < 2) {
      throw ApiException.badRequest("ids: give at least two backtest ids, comma separated");
    }
    list.forEach(id -> visible(id, user));
    double[][] matrix = call(() -> backtests.correlations(list));
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : matrix) {
      rows.add(Arrays.stream(row).mapToObj(v -> Double.isFinite(v) ? v : null).toList());
    }
    return new CorrelationDto(list, rows);
  }

  // ---- optimisations ----

  @POST
  @Path("optimisations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  public Response optimise(OptimisationRequestDto body, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    if (body == null || body.backtest() == null) {
      throw ApiException.badRequest("send the optimisation as JSON with a backtest");
    }
    requireOwnAccount(user, body.backtest().accountId());
    OptimisationView view = call(() -> optimisations.submit(user.userId(), body.toRequest()));
    return Response.accepted(OptimisationDto.of(view))
        .location(URI.create("backtests/optimisations/" + view.id()))
        .build();
  }

  @GET
  @Path("optimisations")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<OptimisationDto> optimisations(
      @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    return optimisations.list(readsAll(user) ? null : user.userId(), page(limit)).stream()
        .map(OptimisationDto::of)
        .toList();
  }

  @GET
  @Path("optimisations/{id}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public OptimisationDto optimisation(
      @PathParam("id") String id, @Context SecurityContext security) {
    return OptimisationDto.of(visibleOptimisation(id, caller(security)));
  }

  @GET
  @Path("optimisations/{id}/results")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<OptimisationResult> results(
      @PathParam("id") String id,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @Context SecurityContext security) {
    visibleOptimisation(id, caller(security));
    return optimisations.results(id, Math.max(0, offset), page(limit));
  }

  @POST
  @Path("optimisations/{id}/cancel")
  @RolesAllowed({Roles.TRADER, Roles.ADMIN})
  public OptimisationDto cancelOptimisation(
      @PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = caller(security);
    OptimisationView view = visibleOptimisation(id, user);
    if (!user.hasRole(Roles.ADMIN) && view.ownerId() != user.userId()) {
      throw ApiException.notFound("no optimisation " + id);
    }
    if (view.status().isFinal() || !optimisations.cancel(id)) {
      throw ApiException.conflict("optimisation " + id + " is already " + view.status());
    }
    return OptimisationDto.of(optimisations.find(id).orElse(view));
  }

  // ---- helpers ----

  private BacktestView visible(String id, AuthenticatedUser user) {
    return backtests
        .find(id)
        .filter(v -> readsAll(user) || v.ownerId() == user.userId())
        .orElseThrow(() -> ApiException.notFound("no backtest " + id));
  }

  private OptimisationView visibleOptimisation(String id, AuthenticatedUser user) {
    return optimisations
        .find(id)
        .filter(v -> readsAll(user) || v.ownerId() == user.userId())
        .orElseThrow(() -> ApiException.notFound("no optimisation " + id));
  }

  private void requireOwnAccount(AuthenticatedUser user, Long accountId) {
    if (accountId != null && !accounts.owns(user.userId(), accountId)) {
      throw new ApiException(
          404,
          "Not found",
          "no account " + accountId + " of yours",
          Map.of("field", "accountId"),
          null);
    }
  }

  private static boolean readsAll(AuthenticatedUser user) {
    return user.hasRole(Roles.RISK_OFFICER) || user.hasRole(Roles.ADMIN);
  }

  private static int page(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ApiException.badRequest("limit must be 1 to " + MAX_PAGE);
    }
    return limit;
  }

  static AuthenticatedUser caller(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user) {
      return user;
    }
    throw ApiException.unauthorized("log in first");
  }

  /** Runs {@code action}, turning the backtest area's errors into problem responses. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (BacktestException.Invalid e) {
      throw new ApiException(400, "Bad request", e.getMessage(), Map.of("field", e.field()), e);
    } catch (BacktestException.NoBars e) {
      throw ApiException.unprocessable(e.getMessage());
    } catch (BacktestsBusyException e) {
      throw new ApiException(503, "Service Unavailable", e.getMessage());
    }
  }
}
