package com.sharewise.security.rest;

import com.sharewise.security.Security;
import com.sharewise.security.User;
import com.sharewise.security.UserException;
import com.sharewise.server.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/users}: user management for admins. Clients send only what they may set (name,
 * password, roles, enabled); ids, hashes, TOTP state and times are the server's.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class UserResource {

  /** A new user. */
  public record NewUser(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(min = 10, max = 200) String password,
      @NotEmpty Set<@NotBlank String> roles) {}

  /** Changes to a user; absent fields stay as they are. */
  public record UserChange(
      Set<@NotBlank String> roles, Boolean enabled, @Size(min = 10, max = 200) String password) {}

  private final Security security;

  public UserResource(Security security) {
    this.security = security;
  }

  @GET
  public List<UserDto> list() {
    return security.users().list().stream().map(UserDto::from).toList();
  }

  @GET
  @Path("{username}")
  public UserDto get(@PathParam("username") String username) {
    return call(() -> UserDto.from(security.users().require(username)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull @Valid NewUser user, @Context SecurityContext caller) {
    UserDto created =
        call(
            () ->
                UserDto.from(
                    security
                        .users()
                        .create(
                            Rest.caller(caller).username(),
                            user.username(),
                            user.password(),
                            user.roles())));
    return Response.created(URI.create("users/" + created.username())).entity(created).build();
  }

  @PUT
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserDto update(
      @PathParam("username") String username,
      @NotNull @Valid UserChange change,
      @Context SecurityContext caller) {
    return call(
        () ->
            UserDto.from(
                security
                    .users()
                    .update(
                        Rest.caller(caller).username(),
                        username,
                        change.roles(),
                        change.enabled(),
                        change.password())));
  }

  @DELETE
  @Path("{username}")
  public Response delete(@PathParam("username") String username, @Context SecurityContext caller) {
    call(
        () -> {
          security.users().delete(Rest.caller(caller).username(), username);
          return null;
        });
    return Response.noContent().build();
  }

  /** Turns a user's two-factor off (they lost their device); they can enrol again. */
  @DELETE
  @Path("{username}/totp")
  public Response resetTotp(
      @PathParam("username") String username, @Context SecurityContext caller) {
    call(
        () -> {
          User user = security.users().require(username);
          security.twoFactor().reset(Rest.caller(caller).username(), user);
          return null;
        });
    return Response.noContent().build();
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (UserException e) {
      throw Rest.toApi(e);
    }
  }
}
