package com.sharewise.orders.rest;

import com.sharewise.orders.KillSwitches;
import com.sharewise.orders.KillSwitches.Scope;
import com.sharewise.orders.Orders;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/killswitch}: the kill switches. Admins engage and release any switch; a trader may
 * engage (never release) the switch of an account of their own — the panic button.
 */
@Path("killswitch")
@Produces(MediaType.APPLICATION_JSON)
public final class KillSwitchResource {

  private final KillSwitches switches;
  private final Access access;

  public KillSwitchResource(Orders orders) {
    this.switches = orders.killSwitches();
    this.access = new Access(orders.accounts());
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public Map<String, Object> list() {
    List<KillSwitches.State> all = switches.list();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "globalEngaged", all.stream().anyMatch(s -> s.scope() == Scope.GLOBAL && s.engaged()));
    result.put("switches", all);
    return result;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.TRADER, Roles.ADMIN})
  public KillSwitches.State set(OrderRequests.KillSwitch body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    if (body == null || body.scope() == null || body.engaged() == null) {
      throw ApiException.badRequest(
          "send {\"scope\": \"GLOBAL|ACCOUNT|STRATEGY\", \"target\": \"…\", \"engaged\": true,"
              + " \"reason\": \"…\"}");
    }
    Scope scope = Errors.call(() -> Scope.parse(body.scope()));
    if (!user.hasRole(Roles.ADMIN)) {
      if (!body.engaged()) {
        throw ApiException.forbidden("only an admin may release a kill switch");
      }
      if (scope != Scope.ACCOUNT) {
        throw ApiException.forbidden("traders may engage only their own account's kill switch");
      }
      long account;
      try {
        account = Long.parseLong(body.target());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("target must be an account id, got '" + body.target() + "'");
      }
      access.requireOwner(user, account);
    }
    return Errors.call(
        () ->
            body.engaged()
                ? switches.engage(scope, body.target(), user.username(), body.reason())
                : switches.release(scope, body.target(), user.username(), body.reason()));
  }
}
