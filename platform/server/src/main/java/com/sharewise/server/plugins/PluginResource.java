package com.sharewise.server.plugins;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.server.ApiException;
import com.sharewise.server.Roles;
import com.sharewise.store.PluginEventLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/plugins}: list, install (upload a jar), update and uninstall plugins at run time.
 * The jar is the request body ({@code application/java-archive} or {@code
 * application/octet-stream}); its file name comes from the {@code X-File-Name} header or the {@code
 * fileName} query parameter.
 *
 * <p>Admins manage plugins; risk officers may read the list and history. Installs, updates and
 * removals are recorded in the audit trail with the acting user.
 */
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class PluginResource {

  private static final String JAR = "application/java-archive";

  private final PluginHost host;
  private final PluginEventLog history;
  private final AuditTrail audit;

  public PluginResource(PluginHost host, PluginEventLog history, AuditTrail audit) {
    this.host = host;
    this.history = history;
    this.audit = audit;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.RISK_OFFICER})
  public List<PluginDto> list() {
    return host.plugins().stream().map(PluginDto::from).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADMIN, Roles.RISK_OFFICER})
  public PluginDto get(@PathParam("id") String id) {
    return host.plugin(id).map(PluginDto::from).orElseThrow(() -> unknown(id));
  }

  /** The plugin's installs, updates, removals and failures, newest first (kept across restarts). */
  @GET
  @Path("{id}/history")
  @RolesAllowed({Roles.ADMIN, Roles.RISK_OFFICER})
  public List<PluginEventDto> history(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > PluginEventLog.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit must be between 1 and " + PluginEventLog.MAX_LIMIT + ", got " + limit);
    }
    List<PluginEventDto> events =
        history.recent(id, limit).stream().map(PluginEventDto::from).toList();
    if (events.isEmpty() && host.plugin(id).isEmpty()) {
      throw unknown(id);
    }
    return events;
  }

  @POST
  @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
  public Response install(
      @HeaderParam("X-File-Name") String header,
      @QueryParam("fileName") String query,
      InputStream body,
      @Context SecurityContext caller) {
    String fileName = fileName(header, query);
    PluginDto installed = call(() -> PluginDto.from(host.install(fileName, read(body))));
    record(caller, "PLUGIN_INSTALLED", installed, Map.of("file", fileName));
    return Response.created(URI.create("plugins/" + installed.id())).entity(installed).build();
  }

  @PUT
  @Path("{id}")
  @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
  public PluginDto update(
      @PathParam("id") String id, InputStream body, @Context SecurityContext caller) {
    PluginDto updated = call(() -> PluginDto.from(host.update(id, read(body))));
    record(caller, "PLUGIN_UPDATED", updated, Map.of());
    return updated;
  }

  @DELETE
  @Path("{id}")
  public Response uninstall(@PathParam("id") String id, @Context SecurityContext caller) {
    call(
        () -> {
          host.uninstall(id);
          return null;
        });
    audit.append(new AuditRecord(actor(caller), "PLUGIN_UNINSTALLED", "plugin", id, Map.of()));
    return Response.noContent().build();
  }

  private void record(
      SecurityContext caller, String action, PluginDto plugin, Map<String, String> more) {
    Map<String, String> detail = new java.util.TreeMap<>(more);
    detail.put("version", String.valueOf(plugin.version()));
    audit.append(new AuditRecord(actor(caller), action, "plugin", plugin.id(), detail));
  }

  private static String actor(SecurityContext caller) {
    return caller == null || caller.getUserPrincipal() == null
        ? AuditRecord.SYSTEM
        : caller.getUserPrincipal().getName();
  }

  private static String fileName(String header, String query) {
    String name = header != null && !header.isBlank() ? header : query;
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest(
          "name the jar with the X-File-Name header or the fileName query parameter");
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    if (!base.endsWith(".jar") || base.length() < 5 || base.startsWith(".")) {
      throw ApiException.badRequest("the file name must end in .jar, got '" + name + "'");
    }
    return base;
  }

  private static InputStream read(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(PluginHost.MAX_JAR_BYTES + 1);
      if (bytes.length == 0) {
        throw ApiException.badRequest("the request body is empty; send the plugin jar as the body");
      }
      if (bytes.length > PluginHost.MAX_JAR_BYTES) {
        throw new ApiException(
            413,
            "Content too large",
            "plugin jars may be at most " + (PluginHost.MAX_JAR_BYTES >> 20) + " MiB");
      }
      return new ByteArrayInputStream(bytes);
    } catch (IOException e) {
      throw ApiException.badRequest("could not read the uploaded jar: " + e.getMessage());
    }
  }

  private interface Operation<T> {
    T run();
  }

  private static <T> T call(Operation<T> operation) {
    try {
      return operation.run();
    } catch (PluginException e) {
      throw new ApiException(status(e.reason()), title(e.reason()), e.getMessage(), null, e);
    }
  }

  static int status(PluginException.Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> 404;
      case ALREADY_INSTALLED -> 409;
      case INVALID_REQUEST -> 400;
      case NOT_A_BUNDLE, SYMBOLIC_NAME_MISMATCH, UNRESOLVED, START_FAILED -> 422;
      case TIMEOUT, NOT_RUNNING -> 503;
      case IO_ERROR, FRAMEWORK_ERROR -> 500;
    };
  }

  private static String title(PluginException.Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> "Plugin not found";
      case ALREADY_INSTALLED -> "Plugin already installed";
      case NOT_A_BUNDLE -> "Not a plugin bundle";
      case UNRESOLVED -> "Plugin dependencies missing";
      case START_FAILED -> "Plugin failed to start";
      case SYMBOLIC_NAME_MISMATCH -> "Jar is a different plugin";
      default -> "Plugin operation failed";
    };
  }

  private static ApiException unknown(String id) {
    return ApiException.notFound("no plugin with id '" + id + "'");
  }
}
