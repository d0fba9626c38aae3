package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.APP_USER;
import static com.sharewise.store.jooq.Tables.LOGIN_SESSION;
import static com.sharewise.store.jooq.Tables.USER_ROLE;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sharewise.security.internal.SigningKeys;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.InvalidTokenException;
import com.sharewise.server.security.TokenVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Issues and verifies access tokens: JWTs signed with ES256 only (a token naming any other
 * algorithm, including {@code none} or HS256 with the public key as secret, is refused before its
 * signature is looked at), with a {@code kid} header naming the {@link SigningKeys signing key}.
 *
 * <p>A valid signature is not enough: the token's login session must still be open and its user
 * enabled, and the roles returned are the ones the user holds now (not those in the token). That
 * check is cached for a few seconds per session, so a logout, a disabled user or a role change
 * takes effect on every node within {@link #SESSION_CACHE} without a database query per request.
 * Thread-safe.
 */
public final class AccessTokens implements TokenVerifier {

  /** The {@code iss} claim. */
  public static final String ISSUER = "sharewise";

  /** How long a session check is reused. */
  public static final Duration SESSION_CACHE = Duration.ofSeconds(5);

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** A signed token and when it expires. */
  public record Issued(String token, Instant expiresAt) {}

  private record SessionState(long userId, String username, Set<String> roles, Instant checked) {}

  private final DSLContext dsl;
  private final Clock clock;
  private final SigningKeys keys;
  private final Duration ttl;
  private final Map<String, SessionState> sessions = new ConcurrentHashMap<>();

  /**
   * Tokens whose signature and claims were already checked: an ES256 verification costs more than
   * the rest of a typical request, and a client sends the same token many times. Expiry and the
   * session are still checked on every use.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(String sessionId, String subject, Instant expiresAt) {}

  private static final int MAX_VERIFIED = 20_000;

  public AccessTokens(DSLContext dsl, Clock clock, SigningKeys keys, Duration ttl) {
    if (ttl.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException("access tokens may live at most 15 minutes, got " + ttl);
    }
    this.dsl = dsl;
    this.clock = clock;
    this.keys = keys;
    this.ttl = ttl;
  }

  /** How long a new token is valid. */
  public Duration ttl() {
    return ttl;
  }

  /** A new token for {@code user} in login session {@code sessionId}. */
  public Issued issue(User user, String sessionId) {
    SigningKeys.Key key = keys.current();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.username())
            .claim("uid", user.id())
            .claim("sid", sessionId)
            .claim("roles", List.copyOf(new TreeSet<>(user.roles())))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
    }
    return new Issued(jwt.serialize(), expires);
  }

  @Override
  public AuthenticatedUser verify(String token) {
    Instant now = clock.instant();
    Verified checked = verified.get(token);
    if (checked == null) {
      checked = checkSignatureAndClaims(token, now);
      if (verified.size() >= MAX_VERIFIED) {
        verified.clear(); // rare: bounded memory matters more than the cache's hit rate
      }
      verified.put(token, checked);
    }
    if (!checked.expiresAt().isAfter(now)) {
      verified.remove(token);
      throw new InvalidTokenException("the access token has expired; refresh it or log in again");
    }
    SessionState session = session(checked.sessionId(), now);
    if (session == null || !session.username().equals(checked.subject())) {
      throw new InvalidTokenException("the session of this access token has ended; log in again");
    }
    return new AuthenticatedUser(
        session.userId(),
        session.username(),
        session.roles(),
        checked.sessionId(),
        checked.expiresAt());
  }

  private Verified checkSignatureAndClaims(String token, Instant now) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("the access token is malformed");
    }
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("the access token is not signed with ES256");
    }
    String kid = jwt.getHeader().getKeyID();
    SigningKeys.Key key = kid == null ? null : keys.find(kid).orElse(null);
    if (key == null) {
      throw new InvalidTokenException("the access token was signed with an unknown key");
    }
    JWTClaimsSet claims;
    try {
      if (!jwt.verify(new ECDSAVerifier(key.publicKey()))) {
        throw new InvalidTokenException("the access token's signature does not match");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (JOSEException | ParseException e) {
      throw new InvalidTokenException("the access token's signature does not match");
    }
    Date expires = claims.getExpirationTime();
    Date issued = claims.getIssueTime();
    if (expires == null || !expires.toInstant().isAfter(now)) {
      throw new InvalidTokenException("the access token has expired; refresh it or log in again");
    }
    if (issued == null
        || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))
        || !ISSUER.equals(claims.getIssuer())) {
      throw new InvalidTokenException("the access token's claims are not valid");
    }
    Object sid = claims.getClaim("sid");
    if (!(sid instanceof String sessionId)) {
      throw new InvalidTokenException("the access token names no session");
    }
    return new Verified(sessionId, claims.getSubject(), expires.toInstant());
  }

  /** Forgets the cached state of a session (it was just revoked on this node). */
  void forget(String sessionId) {
    sessions.remove(sessionId);
  }

  private SessionState session(String sessionId, Instant now) {
    SessionState cached = sessions.get(sessionId);
    if (fresh(cached, now)) {
      return cached;
    }
    if (sessions.size() > 50_000) {
      sessions.values().removeIf(s -> !fresh(s, now));
    }
    // one check per expiry: requests of the session arriving meanwhile wait for it instead of each
    // taking a pooled connection for the same rows (a trader's burst of orders would empty the
    // pool)
    return sessions.compute(
        sessionId, (id, current) -> fresh(current, now) ? current : load(id, now));
  }

  private static boolean fresh(SessionState state, Instant now) {
    return state != null && state.checked().plus(SESSION_CACHE).isAfter(now);
  }

  /** The session's state from the database; null (which drops it from the cache) if it ended. */
  private SessionState load(String sessionId, Instant now) {
    var row =
        dsl.select(APP_USER.ID, APP_USER.USERNAME)
            .from(LOGIN_SESSION)
            .join(APP_USER)
            .on(APP_USER.ID.eq(LOGIN_SESSION.USER_ID))
            .where(LOGIN_SESSION.ID.eq(sessionId))
            .and(LOGIN_SESSION.REVOKED_AT.isNull())
            .and(LOGIN_SESSION.EXPIRES_AT.gt(now.atOffset(java.time.ZoneOffset.UTC)))
            .and(APP_USER.ENABLED.isTrue())
            .fetchOne();
    if (row == null) {
      return null;
    }
    Set<String> roles =
        Set.copyOf(
            dsl.select(USER_ROLE.ROLE)
                .from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(row.value1()))
                .fetch(USER_ROLE.ROLE));
    return new SessionState(row.value1(), row.value2(), roles, now);
  }
}
