package com.sharewise.orders.rest;

import com.sharewise.orders.OrderService;
import com.sharewise.orders.Orders;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/trades}: executions of the caller's accounts, newest first. */
@Path("trades")
@Produces(MediaType.APPLICATION_JSON)
public final class TradeResource {

  private final OrderService service;
  private final Access access;

  public TradeResource(Orders orders) {
    this.service = orders.service();
    this.access = new Access(orders.accounts());
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<FillDto> trades(
      @QueryParam("accountId") Long accountId,
      @QueryParam("limit") @DefaultValue("200") int limit,
      @Context SecurityContext security) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be between 1 and 1000, got " + limit);
    }
    AuthenticatedUser user = Access.caller(security);
    Set<Long> accounts = access.visible(user, accountId);
    if (accounts != null && accounts.isEmpty()) {
      return List.of();
    }
    return service.fills(accounts, limit).stream().map(FillDto::of).toList();
  }
}
