package com.sharewise.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A JSON client of a node's REST API ({@code /api/v1}), over one keep-alive {@link HttpClient}.
 * Thread-safe.
 */
public final class Api {

  /** Jackson, for building request bodies and reading answers. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  /**
   * @param base the node, e.g. {@code http://127.0.0.1:8080}
   */
  public Api(URI base) {
    this.base = base;
  }

  /** A request to {@code /api/v1<path>} with the bearer {@code token} (none when null). */
  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("/api/v1" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** Sends {@code method path} with an optional JSON body; the response whatever its status. */
  public HttpResponse<String> send(String method, String path, String token, String jsonBody)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(path, token);
    if (jsonBody == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return send(builder.build());
  }

  /** Sends a request built with {@link #request}. */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code method path} and returns its JSON answer.
   *
   * @param expected the statuses that count as success (200 when none are given)
   * @throws IllegalStateException naming the call, status and body for any other status
   */
  public JsonNode call(String method, String path, String token, Object body, int... expected)
      throws IOException, InterruptedException {
    String json = body == null ? null : body instanceof String text ? text : write(body);
    HttpResponse<String> response = send(method, path, token, json);
    int[] ok = expected.length == 0 ? new int[] {200} : expected;
    if (Arrays.stream(ok).noneMatch(s -> s == response.statusCode())) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
  }

  /** Logs in; the access token. */
  public String login(String username, String password) throws IOException, InterruptedException {
    return call(
            "POST", "/auth/login", null, Map.of("username", username, "password", password), 200)
        .path("accessToken")
        .asText();
  }

  /** {@code text} as a path segment ({@code NSE:INFY}, a scenario's name with spaces). */
  public static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
