package com.sharewise.orders.rest;

import com.sharewise.orders.Orders;
import com.sharewise.orders.Portfolio;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/positions}: the caller's positions (every account's for risk officers and admins),
 * marked to the latest quotes.
 */
@Path("positions")
@Produces(MediaType.APPLICATION_JSON)
public final class PositionResource {

  private final Portfolio portfolio;
  private final Access access;
  private final com.sharewise.security.Accounts accounts;

  public PositionResource(Orders orders) {
    this.portfolio = orders.portfolio();
    this.access = new Access(orders.accounts());
    this.accounts = orders.accounts();
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<PositionDto> positions(
      @QueryParam("accountId") Long accountId, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    List<PositionDto> all = new ArrayList<>();
    for (long id : accountIds(access, accounts, user, accountId)) {
      portfolio.positions(id).stream().map(PositionDto::of).forEach(all::add);
    }
    return all;
  }

  /** The accounts to report: the one asked for, else every visible one. */
  static List<Long> accountIds(
      Access access,
      com.sharewise.security.Accounts accounts,
      AuthenticatedUser user,
      Long accountId) {
    var visible = access.visible(user, accountId);
    if (visible != null) {
      return visible.stream().sorted().toList();
    }
    return accounts.all().stream().map(a -> a.id()).toList();
  }
}
