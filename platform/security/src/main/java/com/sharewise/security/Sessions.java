package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.APP_USER;
import static com.sharewise.store.jooq.Tables.LOGIN_SESSION;
import static com.sharewise.store.jooq.Tables.REFRESH_TOKEN;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Logins and their sessions. A login checks the password (Argon2id) and, when enrolled, a TOTP
 * code, then opens a session with a short-lived access token and a single-use refresh token.
 * Refreshing spends the refresh token and hands out a new pair in the same session (family);
 * presenting a spent refresh token again means it was stolen or replayed, so the whole session is
 * revoked and every token of it stops working. Only SHA-256 hashes of refresh tokens are stored.
 * Every login, failure, logout and reuse is audited. Thread-safe.
 */
public final class Sessions {

  private static final Pattern AUDITABLE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private final DSLContext dsl;
  private final Clock clock;
  private final AuditTrail audit;
  private final Users users;
  private final AccessTokens accessTokens;
  private final TwoFactor twoFactor;
  private final Duration refreshTtl;
  private final Duration sessionTtl;
  private final SecureRandom random = new SecureRandom();

  /** A hash computation for logins of unknown users, so timing reveals nothing. */
  private final DecoyHash decoy;

  public Sessions(
      DSLContext dsl,
      Clock clock,
      AuditTrail audit,
      Users users,
      AccessTokens accessTokens,
      TwoFactor twoFactor,
      Duration refreshTtl,
      Duration sessionTtl) {
    this.dsl = dsl;
    this.clock = clock;
    this.audit = audit;
    this.users = users;
    this.accessTokens = accessTokens;
    this.twoFactor = twoFactor;
    this.refreshTtl = refreshTtl;
    this.sessionTtl = sessionTtl;
    this.decoy = new DecoyHash(users.hasher());
  }

  /**
   * Logs a user in.
   *
   * @param totpCode the one-time code, or null
   * @param address the client's address, for the audit trail
   * @throws LoginFailedException for wrong credentials, a missing or wrong code, or a disabled user
   */
  public Tokens login(String username, String password, String totpCode, String address) {
    Optional<Users.Credentials> found =
        username == null ? Optional.empty() : users.credentials(username);
    if (found.isEmpty()) {
      decoy.spend(password);
      throw failed(username, address, "unknown user", LoginFailedException.Reason.BAD_CREDENTIALS);
    }
    Users.Credentials user = found.get();
    if (!users.hasher().verify(password, user.passwordHash())) {
      throw failed(
          username, address, "wrong password", LoginFailedException.Reason.BAD_CREDENTIALS);
    }
    if (!user.enabled()) {
      throw failed(username, address, "user disabled", LoginFailedException.Reason.DISABLED);
    }
    if (user.totpSecret() != null) {
      if (totpCode == null || totpCode.isBlank()) {
        throw failed(
            username, address, "one-time code missing", LoginFailedException.Reason.TOTP_REQUIRED);
      }
      if (!twoFactor.accept(user.id(), user.totpSecret(), user.totpLastStep(), totpCode)) {
        throw failed(
            username, address, "wrong one-time code", LoginFailedException.Reason.BAD_CREDENTIALS);
      }
    }
    users.rehashIfNeeded(user.id(), password, user.passwordHash());
    Instant now = clock.instant();
    String sessionId = newToken();
    dsl.insertInto(LOGIN_SESSION)
        .set(LOGIN_SESSION.ID, sessionId)
        .set(LOGIN_SESSION.USER_ID, user.id())
        .set(LOGIN_SESSION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
        .set(LOGIN_SESSION.EXPIRES_AT, now.plus(sessionTtl).atOffset(ZoneOffset.UTC))
        .set(LOGIN_SESSION.REMOTE_ADDRESS, truncate(address))
        .execute();
    Tokens tokens = issue(dsl, user.id(), sessionId, now);
    audit.append(
        new AuditRecord(
            user.username(),
            "LOGIN_SUCCEEDED",
            "user",
            user.username(),
            addressDetail(address, user.totpSecret() != null ? "password+totp" : "password")));
    return tokens;
  }

  /**
   * Trades a refresh token for a new pair in the same session.
   *
   * @throws LoginFailedException BAD_REFRESH_TOKEN for an unknown, expired or spent token (a spent
   *     one also revokes its session)
   */
  public Tokens refresh(String refreshToken, String address) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw badRefresh("send the refresh token you were given");
    }
    String hash = sha256(refreshToken);
    Instant now = clock.instant();
    record Outcome(Tokens tokens, String reusedSession, String username, String problem) {}
    Outcome outcome =
        dsl.transactionResult(
            configuration -> {
              DSLContext tx = DSL.using(configuration);
              var row =
                  tx.select(
                          REFRESH_TOKEN.SESSION_ID,
                          REFRESH_TOKEN.EXPIRES_AT,
                          REFRESH_TOKEN.USED_AT,
                          LOGIN_SESSION.USER_ID,
                          LOGIN_SESSION.REVOKED_AT,
                          LOGIN_SESSION.EXPIRES_AT,
                          APP_USER.USERNAME,
                          APP_USER.ENABLED)
                      .from(REFRESH_TOKEN)
                      .join(LOGIN_SESSION)
                      .on(LOGIN_SESSION.ID.eq(REFRESH_TOKEN.SESSION_ID))
                      .join(APP_USER)
                      .on(APP_USER.ID.eq(LOGIN_SESSION.USER_ID))
                      .where(REFRESH_TOKEN.TOKEN_HASH.eq(hash))
                      .forUpdate()
                      .fetchOne();
              if (row == null) {
                return new Outcome(null, null, null, "the refresh token is not known");
              }
              String sessionId = row.get(REFRESH_TOKEN.SESSION_ID);
              String username = row.get(APP_USER.USERNAME);
              if (row.get(LOGIN_SESSION.REVOKED_AT) != null) {
                return new Outcome(
                    null, null, username, "the session of this refresh token has ended");
              }
              if (row.get(REFRESH_TOKEN.USED_AT) != null) {
                revoke(tx, sessionId, now, "refresh token reused");
                return new Outcome(
                    null,
                    sessionId,
                    username,
                    "this refresh token was already used; the session is revoked, log in again");
              }
              if (!row.get(REFRESH_TOKEN.EXPIRES_AT).toInstant().isAfter(now)
                  || !row.get(LOGIN_SESSION.EXPIRES_AT).toInstant().isAfter(now)
                  || !row.get(APP_USER.ENABLED)) {
                return new Outcome(
                    null, null, username, "the refresh token has expired; log in again");
              }
              tx.update(REFRESH_TOKEN)
                  .set(REFRESH_TOKEN.USED_AT, now.atOffset(ZoneOffset.UTC))
                  .where(REFRESH_TOKEN.TOKEN_HASH.eq(hash))
                  .execute();
              return new Outcome(
                  issue(tx, row.get(LOGIN_SESSION.USER_ID), sessionId, now), null, username, null);
            });
    if (outcome.reusedSession() != null) {
      accessTokens.forget(outcome.reusedSession());
      audit.append(
          new AuditRecord(
              outcome.username(),
              "REFRESH_TOKEN_REUSED",
              "session",
              outcome.reusedSession(),
              addressDetail(address, null)));
    }
    if (outcome.tokens() == null) {
      throw badRefresh(outcome.problem());
    }
    return outcome.tokens();
  }

  /**
   * Ends a session: its refresh tokens stop working at once, its access tokens within {@link
   * AccessTokens#SESSION_CACHE}.
   *
   * @return whether an open session was ended
   */
  public boolean logout(String sessionId, String actor) {
    int changed =
        dsl.transactionResult(c -> revoke(DSL.using(c), sessionId, clock.instant(), "logout"));
    accessTokens.forget(sessionId);
    if (changed > 0) {
      audit.append(new AuditRecord(actor, "LOGOUT", "session", sessionId, Map.of()));
    }
    return changed > 0;
  }

  /** The session a refresh token belongs to, if the token is known. */
  public Optional<String> sessionOf(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    return dsl.select(REFRESH_TOKEN.SESSION_ID)
        .from(REFRESH_TOKEN)
        .where(REFRESH_TOKEN.TOKEN_HASH.eq(sha256(refreshToken)))
        .fetchOptional(REFRESH_TOKEN.SESSION_ID);
  }

  /** Revokes every open session of a user (password reset, user disabled). */
  static void revokeAll(DSLContext dsl, Clock clock, String username, String reason) {
    dsl.update(LOGIN_SESSION)
        .set(LOGIN_SESSION.REVOKED_AT, clock.instant().atOffset(ZoneOffset.UTC))
        .set(LOGIN_SESSION.REVOKED_REASON, reason)
        .where(
            LOGIN_SESSION.USER_ID.in(
                DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username))))
        .and(LOGIN_SESSION.REVOKED_AT.isNull())
        .execute();
  }

  private static int revoke(DSLContext tx, String sessionId, Instant now, String reason) {
    return tx.update(LOGIN_SESSION)
        .set(LOGIN_SESSION.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
        .set(LOGIN_SESSION.REVOKED_REASON, reason)
        .where(LOGIN_SESSION.ID.eq(sessionId))
        .and(LOGIN_SESSION.REVOKED_AT.isNull())
        .execute();
  }

  private Tokens issue(DSLContext tx, long userId, String sessionId, Instant now) {
    User user = users.find(userId).orElseThrow(() -> badRefresh("the user no longer exists"));
    String refresh = newToken();
    Instant refreshExpires = now.plus(refreshTtl);
    tx.insertInto(REFRESH_TOKEN)
        .set(REFRESH_TOKEN.TOKEN_HASH, sha256(refresh))
        .set(REFRESH_TOKEN.SESSION_ID, sessionId)
        .set(REFRESH_TOKEN.ISSUED_AT, now.atOffset(ZoneOffset.UTC))
        .set(REFRESH_TOKEN.EXPIRES_AT, refreshExpires.atOffset(ZoneOffset.UTC))
        .execute();
    AccessTokens.Issued access = accessTokens.issue(user, sessionId);
    return new Tokens(access.token(), access.expiresAt(), refresh, refreshExpires, sessionId);
  }

  private LoginFailedException failed(
      String username, String address, String why, LoginFailedException.Reason reason) {
    String name =
        username != null && AUDITABLE_NAME.matcher(username).matches()
            ? username
            : "(not a user name)";
    Map<String, String> detail = addressDetail(address, null);
    detail.put("reason", why);
    audit.append(new AuditRecord(name, "LOGIN_FAILED", "user", name, detail));
    return switch (reason) {
      case TOTP_REQUIRED ->
          new LoginFailedException(
              reason, "this user needs a one-time code: send it as \"totp\" with the password");
      case DISABLED -> new LoginFailedException(reason, "this user is disabled");
      default -> new LoginFailedException(reason, "wrong user name, password or one-time code");
    };
  }

  private static LoginFailedException badRefresh(String message) {
    return new LoginFailedException(LoginFailedException.Reason.BAD_REFRESH_TOKEN, message);
  }

  private static Map<String, String> addressDetail(String address, String method) {
    Map<String, String> detail = new LinkedHashMap<>();
    if (address != null) {
      detail.put("address", truncate(address));
    }
    if (method != null) {
      detail.put("method", method);
    }
    return detail;
  }

  private static String truncate(String address) {
    return address == null || address.length() <= 64 ? address : address.substring(0, 64);
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return TOKEN_TEXT.encodeToString(bytes);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
