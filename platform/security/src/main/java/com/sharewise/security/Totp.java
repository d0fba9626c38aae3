package com.sharewise.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * RFC 6238 time-based one-time codes (6 digits, 30 s, HMAC-SHA1: what authenticator apps expect),
 * computed with the {@code dev.samstevens.totp} library. Verification accepts the current step and
 * one either side (clock drift) but never a step at or before the last one used, so a code cannot
 * be replayed. Thread-safe.
 */
public final class Totp {

  /** Seconds per step. */
  public static final int PERIOD = 30;

  /** Digits per code. */
  public static final int DIGITS = 6;

  private final CodeGenerator generator;
  private final String issuer;

  /**
   * @param issuer the name authenticator apps show beside the account
   */
  public Totp(String issuer) {
    this(issuer, HashingAlgorithm.SHA1, DIGITS);
  }

  Totp(String issuer, HashingAlgorithm algorithm, int digits) {
    this.issuer = issuer;
    this.generator = new DefaultCodeGenerator(algorithm, digits);
  }

  /** A new random 160-bit secret, base32. */
  public String newSecret() {
    return new DefaultSecretGenerator(32).generate();
  }

  /** The {@code otpauth://totp/…} URI authenticator apps read (usually from a QR code). */
  public String provisioningUri(String accountName, String secret) {
    return new QrData.Builder()
        .label(accountName)
        .secret(secret)
        .issuer(issuer)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(DIGITS)
        .period(PERIOD)
        .build()
        .getUri();
  }

  /** The time step {@code at} falls in. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD);
  }

  /** The code for {@code step}. */
  public String code(String secret, long step) {
    try {
      return generator.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new SecurityException("cannot compute a one-time code: " + e.getMessage(), e);
    }
  }

  /**
   * The step {@code code} matches at {@code now}, or -1 when it matches none after {@code
   * lastUsedStep}.
   */
  public long matchingStep(String secret, String code, Instant now, long lastUsedStep) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return -1;
    }
    long current = step(now);
    long found = -1;
    for (long step = current - 1; step <= current + 1; step++) {
      // compare every candidate, so the time taken does not say which one matched
      boolean same =
          MessageDigest.isEqual(
              code.getBytes(StandardCharsets.US_ASCII),
              code(secret, step).getBytes(StandardCharsets.US_ASCII));
      if (same && step > lastUsedStep && found < 0) {
        found = step;
      }
    }
    return found;
  }
}
