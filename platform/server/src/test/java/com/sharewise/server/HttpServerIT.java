package com.sharewise.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.server.health.HealthCheck;
import com.sharewise.server.health.HealthResource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpServerIT {

  private static final AtomicBoolean STORE_UP = new AtomicBoolean(true);
  private static HttpServer server;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    HealthCheck store =
        new HealthCheck() {
          @Override
          public String name() {
            return "store";
          }

          @Override
          public Result check() {
            return STORE_UP.get()
                ? Result.up("ok", Map.of("mode", "embedded"))
                : Result.down("connection refused");
          }
        };
    server =
        HttpServer.start(
            new HttpServerConfig("127.0.0.1", 0, Duration.ofSeconds(2)),
            List.of(new HealthResource(List.of(store)), new EchoResource()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthIsUpWhenEveryCheckIsUp() throws Exception {
    STORE_UP.set(true);
    HttpResponse<String> response = get("/api/v1/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"store\":{\"status\":\"UP\"");
  }

  @Test
  void healthIsDownWith503WhenAPartIsDown() throws Exception {
    STORE_UP.set(false);
    try {
      HttpResponse<String> response = get("/api/v1/health");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"status\":\"DOWN\"").contains("connection refused");
    } finally {
      STORE_UP.set(true);
    }
  }

  @Test
  void unknownEndpointIsAProblemDocumentNamingThePath() throws Exception {
    HttpResponse<String> response = get("/api/v1/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body()).contains("no resource at /api/v1/nothing-here");
  }

  @Test
  void malformedJsonIsA400ProblemAndTheServerKeepsServing() throws Exception {
    HttpResponse<String> response = post("/api/v1/echo", "{\"symbol\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body()).contains("not valid JSON");
    assertThat(post("/api/v1/echo", "{\"symbol\":\"NSE:INFY\"}").body()).contains("NSE:INFY");
  }

  @Test
  void unknownFieldIsNamedInTheProblem() throws Exception {
    HttpResponse<String> response = post("/api/v1/echo", "{\"symbol\":\"NSE:INFY\",\"qty\":1}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("invalid field 'qty'")
        .contains("known fields: at, quantity, symbol, urgent");
  }

  @Test
  void valuesThatDoNotFitTheirFieldAreNamedInTheClientsTerms() throws Exception {
    // a fraction for a whole number is refused, not truncated
    assertThat(refusal("{\"symbol\":\"NSE:INFY\",\"quantity\":1.5}"))
        .isEqualTo(
            "invalid field 'quantity': Cannot coerce Floating-point value (1.5) to Long value");
    assertThat(refusal("{\"symbol\":\"NSE:INFY\",\"at\":\"yesterday\"}"))
        .isEqualTo(
            "invalid field 'at': 'yesterday' is not an ISO-8601 Instant such as"
                + " 2025-01-31T03:45:00Z");
    assertThat(refusal("{\"symbol\":\"NSE:INFY\",\"urgent\":\"maybe\"}"))
        .isEqualTo("invalid field 'urgent': 'maybe' is not true or false");
    assertThat(post("/api/v1/echo", "{\"symbol\":\"NSE:INFY\",\"quantity\":2}").body())
        .contains("\"quantity\":2");
  }

  @Test
  void aJsonBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() throws Exception {
    String huge = "{\"symbol\":\"" + "X".repeat(2 << 20) + "\"}";
    HttpResponse<String> declared = post("/api/v1/echo", huge);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(declared.body()).contains("larger than 1 MiB");
    // without a length the body is counted as it is read (curl-like client: it reads the answer
    // while still sending, which java.net.http does not)
    String streamed = chunkedPost("/api/v1/echo", huge.getBytes(StandardCharsets.UTF_8));
    assertThat(streamed).startsWith("HTTP/1.1 413").contains("larger than 1 MiB");
    assertThat(post("/api/v1/echo", "{\"symbol\":\"NSE:INFY\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void apiExceptionsKeepTheirStatusAndDetail() throws Exception {
    HttpResponse<String> response = get("/api/v1/echo/NSE:NOPE");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("unknown instrument NSE:NOPE");
  }

  @Test
  void aQueryParameterThatDoesNotConvertIsA400NamingItNotA404() throws Exception {
    HttpResponse<String> response = get("/api/v1/echo?limit=abc");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body())
        .contains("query parameter 'limit' has an invalid value 'abc': a number is expected")
        .contains("\"field\":\"limit\"");
    assertThat(get("/api/v1/echo?limit=3").body()).contains("limit 3");
    // a boxed number is converted through another wrapper; the answer is the same
    assertThat(get("/api/v1/echo/account?id=abc").body())
        .contains("query parameter 'id' has an invalid value 'abc': a number is expected")
        .doesNotContain("java.lang");
  }

  @Test
  void unexpectedErrorsAre500WithTheRequestIdAndNoStackTrace() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/v1/echo/boom"))
            .header("X-Request-Id", "req-42")
            .GET()
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42");
    assertThat(response.body()).contains("req-42").doesNotContain("IllegalStateException");
  }

  /** The detail of the 400 that {@code json} posted to the echo resource gets. */
  private static String refusal(String json) throws Exception {
    HttpResponse<String> response = post("/api/v1/echo", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(response.body())
        .path("detail")
        .asText();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs {@code body} as JSON in chunks on a raw socket; the answer as text, as far as it came.
   */
  private static String chunkedPost(String path, byte[] body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      out.write(
                          ("POST "
                                  + path
                                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  + "Content-Type: application/json\r\n"
                                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
                      for (int i = 0; i < body.length; i += 8192) {
                        int n = Math.min(8192, body.length - i);
                        out.write(
                            (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                      }
                      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                      // the server answered and closed before the whole body was sent
                    }
                  });
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // a reset after the answer: keep what arrived
      }
      writer.join(Duration.ofSeconds(10));
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** A resource standing in for the real ones: JSON in and out, and the error paths. */
  @Path("echo")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  public static final class EchoResource {
    public record Body(String symbol, Long quantity, java.time.Instant at, Boolean urgent) {
      Body(String symbol) {
        this(symbol, null, null, null);
      }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Body echo(Body body) {
      return body;
    }

    @GET
    public Body limited(@QueryParam("limit") @DefaultValue("10") int limit) {
      return new Body("limit " + limit);
    }

    @GET
    @Path("account")
    public Body account(@QueryParam("id") Long id) {
      return new Body("account " + id);
    }

    @GET
    @Path("{name}")
    public Body byName(@PathParam("name") String name) {
      if (name.equals("boom")) {
        throw new IllegalStateException("internal detail that must not leak");
      }
      throw ApiException.notFound("unknown instrument " + name);
    }
  }
}
