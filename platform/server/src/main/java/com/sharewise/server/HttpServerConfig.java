package com.sharewise.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the HTTP server listens.
 *
 * @param host interface to bind; {@code 127.0.0.1} by default so a fresh node is not on the network
 * @param port TCP port; 0 picks a free one (tests)
 * @param stopTimeout how long a graceful stop waits for requests in flight
 */
public record HttpServerConfig(String host, int port, Duration stopTimeout) {
  public HttpServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("HTTP port must be 0..65535, got " + port);
    }
  }
}
