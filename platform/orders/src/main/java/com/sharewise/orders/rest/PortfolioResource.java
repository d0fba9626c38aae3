package com.sharewise.orders.rest;

import com.sharewise.orders.Orders;
import com.sharewise.orders.Portfolio;
import com.sharewise.orders.PortfolioSummary;
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
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code /api/v1/portfolio}: cash, P&amp;L and exposure per account, and their total. */
@Path("portfolio")
@Produces(MediaType.APPLICATION_JSON)
public final class PortfolioResource {

  private final Portfolio portfolio;
  private final Access access;
  private final com.sharewise.security.Accounts accounts;

  public PortfolioResource(Orders orders) {
    this.portfolio = orders.portfolio();
    this.access = new Access(orders.accounts());
    this.accounts = orders.accounts();
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public Map<String, Object> summary(
      @QueryParam("accountId") Long accountId, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    List<PortfolioSummary> each =
        PositionResource.accountIds(access, accounts, user, accountId).stream()
            .map(portfolio::summary)
            .toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cash", sum(each, PortfolioSummary::cash));
    result.put("openingCash", sum(each, PortfolioSummary::openingCash));
    result.put("realisedPnl", sum(each, PortfolioSummary::realisedPnl));
    result.put("realisedToday", sum(each, PortfolioSummary::realisedToday));
    result.put("unrealisedPnl", sum(each, PortfolioSummary::unrealisedPnl));
    result.put("charges", sum(each, PortfolioSummary::charges));
    result.put("holdingsValue", sum(each, PortfolioSummary::holdingsValue));
    result.put("positionsValue", sum(each, PortfolioSummary::positionsValue));
    result.put("equity", sum(each, PortfolioSummary::equity));
    result.put("openPositions", each.stream().mapToInt(PortfolioSummary::openPositions).sum());
    result.put("accounts", each);
    return result;
  }

  private static BigDecimal sum(
      List<PortfolioSummary> each, Function<PortfolioSummary, BigDecimal> field) {
    return each.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
