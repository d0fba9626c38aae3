package com.sharewise.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.server.HttpServer;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.server.Problem;
import com.sharewise.server.Roles;
import com.sharewise.server.WebExtras;
import com.sharewise.server.health.HealthResource;
import com.sharewise.server.metrics.HttpMetrics;
import com.sharewise.server.metrics.MetricsServlet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access control, rate limits, problem documents, headers, CORS, metrics and OpenAPI over HTTP. */
class AccessControlIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, AuthenticatedUser> TOKENS =
      Map.of(
          "trader-token", user("tina", Roles.TRADER),
          "admin-token", user("adam", Roles.ADMIN));
  private static HttpServer server;

  private static AuthenticatedUser user(String name, String role) {
    return new AuthenticatedUser(1, name, Set.of(role), "s-" + name, Instant.now().plusSeconds(60));
  }

  @BeforeAll
  static void start() {
    TokenVerifier verifier =
        token -> {
          AuthenticatedUser user = TOKENS.get(token);
          if (user == null) {
            throw new InvalidTokenException("the access token was not accepted");
          }
          return user;
        };
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RateLimiter limiter =
        new RateLimiter(List.of(new RateLimit("login", 3, 3, Duration.ofMinutes(10))));
    server =
        HttpServer.start(
            new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(2)),
            List.of(
                new AccessControlFeature(verifier),
                new RateLimitFeature(limiter),
                new HealthResource(List.of()),
                new SampleResource(),
                HttpMetrics.listener(meters)),
            new WebExtras(
                List.of(
                    new SecurityHeadersFilter(SecurityHeadersFilter.DEFAULT_CSP, false),
                    new CorsFilter(List.of("https://trusted.example"))),
                Map.of("/metrics", new MetricsServlet(meters, "", verifier))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void noTokenIs401ProblemWithWwwAuthenticate() throws Exception {
    HttpResponse<String> response = send(get("/api/v1/sample/traders"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.body()).contains("needs an access token");
  }

  @Test
  void aBadTokenIs401AndAWrongRoleIs403AndTheRightRolePasses() throws Exception {
    assertThat(send(get("/api/v1/sample/traders", "forged")).statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = send(get("/api/v1/sample/admins", "trader-token"));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    HttpResponse<String> ok = send(get("/api/v1/sample/traders", "trader-token"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("tina");
  }

  @Test
  void aMethodWithoutAnnotationIsDeniedEvenToAdmins() throws Exception {
    assertThat(send(get("/api/v1/sample/forgotten", "admin-token")).statusCode()).isEqualTo(403);
    assertThat(send(get("/api/v1/sample/forgotten")).statusCode()).isEqualTo(403);
  }

  @Test
  void publicEndpointsIgnoreABadToken() throws Exception {
    assertThat(send(get("/api/v1/health", "stale")).statusCode()).isEqualTo(200);
  }

  @Test
  void theFourthCallWithinTheWindowIs429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send(get("/api/v1/sample/limited")).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = send(get("/api/v1/sample/limited"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
  }

  @Test
  void invalidBodiesAre400ProblemsNamingTheField() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/sample/validated"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\"}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body()).contains("\"name\"");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> response = send(get("/api/v1/health"));

    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'")
        .contains("default-src 'self'");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void corsIsOpenOnlyToTheAllowList() throws Exception {
    HttpResponse<String> evil =
        send(get("/api/v1/health").header("Origin", "https://evil.example"));
    HttpResponse<String> trusted =
        send(get("/api/v1/health").header("Origin", "https://trusted.example"));
    HttpResponse<String> evilPreflight =
        send(
            HttpRequest.newBuilder(uri("/api/v1/health"))
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(trusted.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://trusted.example");
    assertThat(evilPreflight.statusCode()).isEqualTo(403);
  }

  @Test
  void metricsArePrometheusTextWithHttpTimings() throws Exception {
    send(get("/api/v1/health"));
    HttpResponse<String> response = send(get("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("http_server_requests_seconds_count");
  }

  @Test
  void theOpenApiDocumentIsPublicValidAndDescribesRolesAndEveryPath() throws Exception {
    HttpResponse<String> response = send(get("/api/v1/openapi.json"));
    assertThat(response.statusCode()).isEqualTo(200);

    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths().keySet())
        .contains("/health", "/sample/traders", "/sample/admins", "/openapi.json");
    var admins = parsed.getOpenAPI().getPaths().get("/sample/admins").getGet();
    assertThat(admins.getExtensions()).containsEntry("x-roles", List.of("ADMIN"));
    assertThat(admins.getResponses()).containsKeys("401", "403");
    assertThat(parsed.getOpenAPI().getPaths().get("/health").getGet().getSecurity()).isEmpty();
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private static HttpRequest.Builder get(String path, String token) {
    return get(path).header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** Endpoints with each kind of rule. */
  @Path("sample")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class SampleResource {
    public record Named(@NotBlank String name) {}

    @GET
    @Path("traders")
    @RolesAllowed({Roles.TRADER, Roles.ADMIN})
    public String traders(@Context SecurityContext security) {
      return security.getUserPrincipal().getName();
    }

    @GET
    @Path("admins")
    @RolesAllowed(Roles.ADMIN)
    public String admins() {
      return "ok";
    }

    @GET
    @Path("forgotten")
    public String forgotten() {
      return "should never be served";
    }

    @GET
    @Path("limited")
    @PermitAll
    @RateLimited("login")
    public String limited() {
      return "ok";
    }

    @POST
    @Path("validated")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public String validated(@NotNull @Valid Named body) {
      return body.name();
    }
  }
}
