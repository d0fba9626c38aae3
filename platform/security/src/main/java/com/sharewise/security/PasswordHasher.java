package com.sharewise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format {@code
 * $argon2id$v=19$m=…,t=…,p=…$salt$hash}, with OWASP's recommended cost (19 MiB, 2 passes, 1 lane)
 * by default. Parameters are read back from each stored hash, so raising the cost later keeps old
 * hashes verifiable ({@link #needsRehash} tells when to upgrade one). Thread-safe.
 */
public final class PasswordHasher {

  /** Shortest password accepted for a new or changed password. */
  public static final int MIN_LENGTH = 10;

  /** Longest password accepted (bounds the work an attacker can ask for). */
  public static final int MAX_LENGTH = 200;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();

  /** OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1. */
  public PasswordHasher() {
    this(19 * 1024, 2, 1);
  }

  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** A new salted hash of {@code password}. */
  public String hash(String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, 32);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed hash. */
  public boolean verify(String password, String stored) {
    Matcher phc = stored == null ? null : PHC.matcher(stored);
    if (phc == null || !phc.matches() || password == null) {
      return false;
    }
    byte[] expected = B64D.decode(phc.group(5));
    byte[] actual =
        derive(
            password,
            B64D.decode(phc.group(4)),
            Integer.parseInt(phc.group(1)),
            Integer.parseInt(phc.group(2)),
            Integer.parseInt(phc.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Whether {@code stored} was made with weaker parameters than this hasher's. */
  public boolean needsRehash(String stored) {
    return !stored.startsWith(
        "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$");
  }

  /**
   * Checks a new password against the policy.
   *
   * @return null when acceptable, else the reason in words for the user
   */
  public static String policyViolation(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    return null;
  }

  private static byte[] derive(
      String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }
}
