package com.sharewise.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();
  private final RateLimiter limiter =
      new RateLimiter(
          List.of(new RateLimit("login", 3, 2, Duration.ofMinutes(1))),
          new TimeMeter() {
            @Override
            public long currentTimeNanos() {
              return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
              return false;
            }
          });

  @Test
  void anAddressGetsItsCallsThenA429WithTheWaitInSeconds() {
    limiter.checkAddress("login", "10.0.0.1");
    limiter.checkAddress("login", "10.0.0.1");
    limiter.checkAddress("login", "10.0.0.1");

    assertThatThrownBy(() -> limiter.checkAddress("login", "10.0.0.1"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isBetween(1L, 20L);
            });
    limiter.checkAddress("login", "10.0.0.2");
  }

  @Test
  void usersAndAddressesAreCountedApart() {
    limiter.checkUser("login", "alice");
    limiter.checkUser("login", "alice");
    assertThatThrownBy(() -> limiter.checkUser("login", "alice"))
        .isInstanceOf(TooManyRequestsException.class);
    limiter.checkUser("login", "bob");
    limiter.checkAddress("login", "alice");
  }

  @Test
  void capacityComesBackOverTheWindow() {
    limiter.checkUser("login", "carol");
    limiter.checkUser("login", "carol");
    assertThatThrownBy(() -> limiter.checkUser("login", "carol"))
        .isInstanceOf(TooManyRequestsException.class);

    nanos.addAndGet(Duration.ofSeconds(31).toNanos());

    limiter.checkUser("login", "carol");
  }

  @Test
  void anUnknownLimitIsAProgrammingError() {
    assertThat(limiter.knows("orders")).isFalse();
    assertThatThrownBy(() -> limiter.checkUser("orders", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
