package com.sharewise.security;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Spends one password-hash computation on a login for a user that does not exist, so its timing
 * matches a wrong password and reveals nothing about which names exist. The decoy hash is made by
 * the first such login, which is then itself the one computation (hashing costs what verifying
 * does), rather than at start-up, where every node start would pay an Argon2 run for it.
 * Thread-safe.
 */
final class DecoyHash {

  private static final String DECOY = "decoy password never used";

  private final PasswordHasher hasher;
  private final AtomicReference<String> hash = new AtomicReference<>();

  DecoyHash(PasswordHasher hasher) {
    this.hasher = hasher;
  }

  /** Takes as long as verifying {@code password} against a real hash, and always fails. */
  void spend(String password) {
    String decoy = hash.get();
    if (decoy == null) {
      hash.compareAndSet(null, hasher.hash(DECOY));
      return;
    }
    hasher.verify(password == null ? "" : password, decoy);
  }
}
