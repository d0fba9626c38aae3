package com.sharewise.server.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Token-bucket rate limits (bucket4j) per named limit and key (a client address or a user name).
 * The buckets live in this node's memory: in a cluster each node limits on its own, so a client
 * spreading calls over n nodes gets at most n times the limit. Idle buckets are dropped once the
 * table grows large. Thread-safe.
 */
public final class RateLimiter {

  /** Above this many buckets, full (idle) ones are dropped. */
  static final int SWEEP_ABOVE = 10_000;

  private final Map<String, RateLimit> limits;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A limiter on the system clock. */
  public RateLimiter(Collection<RateLimit> limits) {
    this(limits, TimeMeter.SYSTEM_NANOTIME);
  }

  /** A limiter on {@code time} (tests). */
  public RateLimiter(Collection<RateLimit> limits, TimeMeter time) {
    this.limits =
        limits.stream().collect(Collectors.toUnmodifiableMap(RateLimit::name, Function.identity()));
    this.time = Objects.requireNonNull(time, "time");
  }

  /** Whether a limit of this name is configured. */
  public boolean knows(String limit) {
    return limits.containsKey(limit);
  }

  /**
   * Counts one call from a client address.
   *
   * @throws TooManyRequestsException when the address has used up its calls
   */
  public void checkAddress(String limit, String address) {
    RateLimit config = config(limit);
    take(
        limit + "|a|" + address,
        config.perAddress(),
        config,
        "too many requests from your address");
  }

  /**
   * Counts one call for a user.
   *
   * @throws TooManyRequestsException when the user has used up their calls
   */
  public void checkUser(String limit, String user) {
    RateLimit config = config(limit);
    take(limit + "|u|" + user, config.perUser(), config, "too many requests for this user");
  }

  private RateLimit config(String limit) {
    RateLimit config = limits.get(limit);
    if (config == null) {
      throw new IllegalArgumentException("no rate limit named '" + limit + "' is configured");
    }
    return config;
  }

  private void take(String key, long capacity, RateLimit config, String what) {
    if (buckets.size() > SWEEP_ABOVE) {
      sweep();
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> newBucket(capacity, config));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
      throw new TooManyRequestsException(
          what
              + " ("
              + config.name()
              + ": at most "
              + capacity
              + " per "
              + config.window().toSeconds()
              + " s); try again in "
              + Math.max(1, seconds)
              + " s",
          seconds);
    }
  }

  private Bucket newBucket(long capacity, RateLimit config) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, config.window()))
        .withCustomTimePrecision(time)
        .build();
  }

  /** Drops buckets that have refilled completely: forgetting them changes nothing. */
  private void sweep() {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              String name = e.getKey().substring(0, e.getKey().indexOf('|'));
              RateLimit config = limits.get(name);
              long capacity = e.getKey().contains("|a|") ? config.perAddress() : config.perUser();
              return e.getValue().getAvailableTokens() >= capacity;
            });
  }

  int bucketCount() {
    return buckets.size();
  }
}
