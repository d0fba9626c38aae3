package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.MASTER_KEY;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.security.internal.SigningKeys;
import com.sharewise.server.Roles;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The security area assembled: users, sessions, access tokens, two-factor, accounts, all sharing
 * one master key and one database. {@link #open} checks that the master key is the one this
 * database's secrets were sealed with (recording it on first use), so a node started with the wrong
 * key stops with a clear message instead of failing on every login.
 */
public final class Security {

  /** The user name of the first administrator. */
  public static final String FIRST_ADMIN = "admin";

  private final Users users;
  private final Sessions sessions;
  private final AccessTokens accessTokens;
  private final TwoFactor twoFactor;
  private final Accounts accounts;
  private final SigningKeys signingKeys;

  private Security(
      Users users,
      Sessions sessions,
      AccessTokens accessTokens,
      TwoFactor twoFactor,
      Accounts accounts,
      SigningKeys signingKeys) {
    this.users = users;
    this.sessions = sessions;
    this.accessTokens = accessTokens;
    this.twoFactor = twoFactor;
    this.accounts = accounts;
    this.signingKeys = signingKeys;
  }

  /**
   * Opens the area on {@code dsl}.
   *
   * @throws SecurityException when the master key does not match the database's
   */
  public static Security open(
      DSLContext dsl,
      Clock clock,
      AuditTrail audit,
      MasterKey masterKey,
      SecuritySettings settings,
      PasswordHasher hasher) {
    checkMasterKey(dsl, masterKey);
    SecretBox box = new SecretBox(masterKey);
    Users users = new Users(dsl, clock, audit, hasher);
    SigningKeys keys = new SigningKeys(dsl, clock, box, settings.signingKeyRotation());
    AccessTokens accessTokens = new AccessTokens(dsl, clock, keys, settings.accessTokenTtl());
    TwoFactor twoFactor = new TwoFactor(dsl, clock, audit, box, new Totp(settings.totpIssuer()));
    Sessions sessions =
        new Sessions(
            dsl,
            clock,
            audit,
            users,
            accessTokens,
            twoFactor,
            settings.refreshTokenTtl(),
            settings.sessionTtl());
    return new Security(
        users, sessions, accessTokens, twoFactor, new Accounts(dsl, clock, audit, box), keys);
  }

  /** Opens the area for command-line tools, which only manage users. */
  public static Users users(DSLContext dsl, Clock clock, AuditTrail audit) {
    return new Users(dsl, clock, audit, new PasswordHasher());
  }

  /**
   * Creates the first administrator when there are no users yet.
   *
   * @param password the configured password, or empty to generate one
   * @return the generated password, to show the operator once; empty when none was generated
   */
  public Optional<String> createFirstAdmin(String password) {
    if (!users.none()) {
      return Optional.empty();
    }
    boolean generate = password == null || password.isEmpty();
    String chosen = generate ? randomPassword() : password;
    users.create(AuditRecord.SYSTEM, FIRST_ADMIN, chosen, Set.of(Roles.ADMIN));
    return generate ? Optional.of(chosen) : Optional.empty();
  }

  public Users users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AccessTokens accessTokens() {
    return accessTokens;
  }

  public TwoFactor twoFactor() {
    return twoFactor;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Starts a new token-signing key now (after a suspected key compromise). */
  public String rotateSigningKey() {
    return signingKeys.rotateNow().kid();
  }

  private static void checkMasterKey(DSLContext dsl, MasterKey masterKey) {
    dsl.insertInto(MASTER_KEY)
        .set(MASTER_KEY.ID, 1)
        .set(MASTER_KEY.KEY_ID, masterKey.id())
        .onConflictDoNothing()
        .execute();
    String recorded =
        dsl.select(MASTER_KEY.KEY_ID)
            .from(MASTER_KEY)
            .where(MASTER_KEY.ID.eq(1))
            .fetchOne(MASTER_KEY.KEY_ID);
    if (!masterKey.id().equals(recorded)) {
      throw new SecurityException(
          "the master key from "
              + masterKey.source()
              + " (id "
              + masterKey.id()
              + ") is not the key this database's secrets are sealed with (id "
              + recorded
              + "); give every node the same key: copy "
              + MasterKey.KEY_STORE_FILE
              + " from the data folder of the first node, or set the same SHAREWISE_MASTER_KEY");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
