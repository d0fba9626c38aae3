package com.sharewise.orders.rest;

import com.sharewise.api.broker.BrokerDescriptor;
import com.sharewise.api.param.ParameterException;
import com.sharewise.api.param.Parameters;
import com.sharewise.orders.Orders;
import com.sharewise.security.Account;
import com.sharewise.security.Accounts;
import com.sharewise.security.User;
import com.sharewise.security.UserException;
import com.sharewise.security.Users;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/accounts}: the caller's trading accounts. A trader without any gets a paper
 * account on first look, so the workspace can trade at once; more accounts (other brokers, with
 * their credentials) are added with POST. Credentials are sealed and never returned.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {

  /**
   * An account on the wire.
   *
   * @param id the account id
   * @param name its name
   * @param broker the broker plugin it trades through
   * @param createdAt when it was created
   */
  public record AccountDto(long id, String name, String broker, Instant createdAt) {
    static AccountDto of(Account a) {
      return new AccountDto(a.id(), a.name(), a.brokerPluginId(), a.createdAt());
    }
  }

  private final Accounts accounts;
  private final Users users;
  private final Supplier<Map<String, BrokerDescriptor>> brokers;

  public AccountResource(Orders orders) {
    this.accounts = orders.accounts();
    this.users = orders.users();
    this.brokers = orders::brokers;
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<AccountDto> list(@Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    List<Account> own = accounts.ownedBy(user.userId());
    if (own.isEmpty() && user.hasRole(Roles.TRADER)) {
      create(user, "Paper", "paper", Map.of());
      own = accounts.ownedBy(user.userId());
    }
    return own.stream().map(AccountDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  public Response add(OrderRequests.NewAccount body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw ApiException.badRequest("name is required");
    }
    if (body.name().length() > 128) {
      throw ApiException.badRequest("name is longer than 128 characters");
    }
    String broker = body.broker() == null || body.broker().isBlank() ? "paper" : body.broker();
    Map<String, String> credentials = body.credentials() == null ? Map.of() : body.credentials();
    checkBroker(broker, credentials);
    Account created = create(user, body.name().trim(), broker, credentials);
    return Response.created(URI.create("accounts/" + created.id()))
        .entity(AccountDto.of(created))
        .build();
  }

  /**
   * The broker must be installed and the credentials must be its settings, typed as it says: an
   * account bound to a missing broker, or with a misspelt key, would only fail at its first order.
   */
  private void checkBroker(String broker, Map<String, String> credentials) {
    Map<String, BrokerDescriptor> installed = brokers.get();
    BrokerDescriptor descriptor = installed.get(broker);
    if (descriptor == null) {
      throw ApiException.badRequest(
          "unknown broker '"
              + broker
              + "'; installed: "
              + (installed.isEmpty() ? "none" : String.join(", ", installed.keySet())));
    }
    try {
      Parameters.resolve(descriptor.settings(), credentials);
    } catch (ParameterException e) {
      throw new ApiException(
          400,
          "Bad request",
          "credentials." + e.parameter() + ": " + e.getMessage(),
          Map.of("field", "credentials." + e.parameter()),
          e);
    }
  }

  private Account create(
      AuthenticatedUser caller, String name, String broker, Map<String, String> credentials) {
    User owner =
        users
            .find(caller.userId())
            .orElseThrow(() -> ApiException.unauthorized("your user no longer exists"));
    if (accounts.ownedBy(owner.id()).stream().anyMatch(a -> a.name().equals(name))) {
      throw ApiException.conflict("you already have an account named '" + name + "'");
    }
    try {
      return accounts.create(caller.username(), owner, broker, name, credentials);
    } catch (UserException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
