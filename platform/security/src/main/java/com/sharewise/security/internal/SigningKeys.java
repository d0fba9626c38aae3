package com.sharewise.security.internal;

import static com.sharewise.store.jooq.Tables.SIGNING_KEY;

import com.sharewise.security.SecretBox;
import com.sharewise.security.SecurityException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The ES256 (P-256) key pairs access tokens are signed with, kept in PostgreSQL so every node of a
 * cluster signs and verifies with the same keys and tokens survive restarts. The newest key signs;
 * any key still stored verifies (found by the token's {@code kid}). A key older than the rotation
 * period is replaced by a new one at the next signing, under an advisory lock so nodes agree on
 * one; keys older than two periods are deleted. Private keys are sealed with the master key.
 * Thread-safe.
 */
public final class SigningKeys {

  /** The one algorithm tokens are signed with. */
  public static final String ALGORITHM = "ES256";

  private static final long ROTATE_LOCK = 0x4a574b455953L; // "JWKEYS"
  private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  /** A usable key. */
  public record Key(String kid, ECPublicKey publicKey, ECPrivateKey privateKey, Instant created) {}

  private final DSLContext dsl;
  private final Clock clock;
  private final SecretBox box;
  private final Duration rotation;
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private volatile Instant lastReload = Instant.MIN;

  public SigningKeys(DSLContext dsl, Clock clock, SecretBox box, Duration rotation) {
    this.dsl = dsl;
    this.clock = clock;
    this.box = box;
    this.rotation = rotation;
    reload();
  }

  /** The key to sign with now, made (or rotated) first when needed. */
  public Key current() {
    Instant now = clock.instant();
    Optional<Key> newest = newest();
    if (newest.isPresent() && newest.get().created().plus(rotation).isAfter(now)) {
      return newest.get();
    }
    dsl.transaction(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.execute("select pg_advisory_xact_lock(?)", ROTATE_LOCK);
          var latest =
              tx.select(DSL.max(SIGNING_KEY.CREATED_AT)).from(SIGNING_KEY).fetchOne().value1();
          if (latest == null || !latest.toInstant().plus(rotation).isAfter(now)) {
            insertNewKey(tx, now);
            tx.deleteFrom(SIGNING_KEY)
                .where(
                    SIGNING_KEY.CREATED_AT.lt(
                        now.minus(rotation.multipliedBy(2)).atOffset(ZoneOffset.UTC)))
                .execute();
          }
        });
    reload();
    return newest().orElseThrow(() -> new IllegalStateException("no signing key after rotation"));
  }

  /** Starts a new signing key now, whatever the age of the current one (operator's rotation). */
  public Key rotateNow() {
    dsl.transaction(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          tx.execute("select pg_advisory_xact_lock(?)", ROTATE_LOCK);
          insertNewKey(tx, clock.instant());
        });
    reload();
    return newest().orElseThrow();
  }

  /** The key named {@code kid}, looking in the database if another node made it recently. */
  public Optional<Key> find(String kid) {
    Key key = keys.get(kid);
    if (key == null && lastReload.plus(RELOAD_AT_MOST_EVERY).isBefore(clock.instant())) {
      reload();
      key = keys.get(kid);
    }
    return Optional.ofNullable(key);
  }

  private Optional<Key> newest() {
    return keys.values().stream().max(Comparator.comparing(Key::created).thenComparing(Key::kid));
  }

  private void insertNewKey(DSLContext tx, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      var pair = generator.generateKeyPair();
      String kid = UUID.randomUUID().toString();
      tx.insertInto(SIGNING_KEY)
          .set(SIGNING_KEY.KID, kid)
          .set(SIGNING_KEY.ALGORITHM, ALGORITHM)
          .set(SIGNING_KEY.PUBLIC_KEY, pair.getPublic().getEncoded())
          .set(SIGNING_KEY.PRIVATE_KEY, box.seal(pair.getPrivate().getEncoded(), context(kid)))
          .set(SIGNING_KEY.CREATED_AT, now.atOffset(ZoneOffset.UTC))
          .execute();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 keys are required by every Java runtime", e);
    }
  }

  private void reload() {
    lastReload = clock.instant();
    Map<String, Key> fresh = new ConcurrentHashMap<>();
    for (var row : dsl.selectFrom(SIGNING_KEY).where(SIGNING_KEY.ALGORITHM.eq(ALGORITHM)).fetch()) {
      Key known = keys.get(row.getKid());
      fresh.put(
          row.getKid(),
          known != null
              ? known
              : decode(
                  row.getKid(),
                  row.getPublicKey(),
                  row.getPrivateKey(),
                  row.getCreatedAt().toInstant()));
    }
    keys.keySet().retainAll(fresh.keySet());
    keys.putAll(fresh);
  }

  private Key decode(String kid, byte[] publicKey, byte[] sealedPrivate, Instant created) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPublicKey pub = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
      ECPrivateKey priv =
          (ECPrivateKey)
              factory.generatePrivate(
                  new PKCS8EncodedKeySpec(box.open(sealedPrivate, context(kid))));
      return new Key(kid, pub, priv, created);
    } catch (GeneralSecurityException e) {
      throw new SecurityException("signing key " + kid + " in the database is unreadable", e);
    }
  }

  private static String context(String kid) {
    return "signing_key.private_key:" + kid;
  }
}
