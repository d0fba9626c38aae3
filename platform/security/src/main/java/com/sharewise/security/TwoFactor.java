package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.APP_USER;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * TOTP two-factor authentication: enrolment (a pending secret and its provisioning URI),
 * confirmation with a first code (which turns it on), disabling with a current code, an admin's
 * reset, and checking a code at login. Secrets are sealed with the master key, bound to their
 * user's row. A code is accepted at most once. Thread-safe.
 */
public final class TwoFactor {

  /** An enrolment's secret (base32, for manual entry) and provisioning URI. */
  public record Enrolment(String secret, String provisioningUri) {}

  private final org.jooq.DSLContext dsl;
  private final Clock clock;
  private final AuditTrail audit;
  private final SecretBox box;
  private final Totp totp;

  public TwoFactor(
      org.jooq.DSLContext dsl, Clock clock, AuditTrail audit, SecretBox box, Totp totp) {
    this.dsl = dsl;
    this.clock = clock;
    this.audit = audit;
    this.box = box;
    this.totp = totp;
  }

  /**
   * Starts enrolment: a new secret, pending until {@link #confirm confirmed}.
   *
   * @throws UserException CONFLICT when TOTP is already on
   */
  public Enrolment enroll(User user) {
    if (user.totpEnabled()) {
      throw new UserException(
          UserException.Reason.CONFLICT,
          "two-factor authentication is already on; disable it first to enrol a new device");
    }
    String secret = totp.newSecret();
    dsl.update(APP_USER)
        .set(APP_USER.TOTP_PENDING, box.seal(secret, pendingContext(user.id())))
        .where(APP_USER.ID.eq(user.id()))
        .execute();
    return new Enrolment(secret, totp.provisioningUri(user.username(), secret));
  }

  /**
   * Confirms enrolment with a code from the new device, turning TOTP on.
   *
   * @return false when the code is wrong or nothing is pending
   */
  public boolean confirm(User user, String code) {
    var row =
        dsl.select(APP_USER.TOTP_PENDING)
            .from(APP_USER)
            .where(APP_USER.ID.eq(user.id()))
            .fetchOne();
    if (row == null || row.value1() == null) {
      return false;
    }
    String secret = box.openText(row.value1(), pendingContext(user.id()));
    long step = totp.matchingStep(secret, code, clock.instant(), 0);
    if (step < 0) {
      return false;
    }
    dsl.update(APP_USER)
        .set(APP_USER.TOTP_SECRET, box.seal(secret, secretContext(user.id())))
        .setNull(APP_USER.TOTP_PENDING)
        .set(APP_USER.TOTP_LAST_STEP, step)
        .set(APP_USER.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
        .where(APP_USER.ID.eq(user.id()))
        .execute();
    audit.append(
        new AuditRecord(user.username(), "TOTP_ENABLED", "user", user.username(), Map.of()));
    return true;
  }

  /**
   * Turns TOTP off for the user themself, who proves it with a current code.
   *
   * @return false when the code is wrong or TOTP is off
   */
  public boolean disable(User user, String code) {
    var row =
        dsl.select(APP_USER.TOTP_SECRET, APP_USER.TOTP_LAST_STEP)
            .from(APP_USER)
            .where(APP_USER.ID.eq(user.id()))
            .fetchOne();
    if (row == null
        || row.value1() == null
        || !accept(user.id(), row.value1(), row.value2(), code)) {
      return false;
    }
    clear(user.id());
    audit.append(
        new AuditRecord(user.username(), "TOTP_DISABLED", "user", user.username(), Map.of()));
    return true;
  }

  /** An admin turns TOTP off for a user who lost their device. */
  public void reset(String actor, User user) {
    clear(user.id());
    audit.append(new AuditRecord(actor, "TOTP_RESET", "user", user.username(), Map.of()));
  }

  /**
   * Checks a login code and spends it.
   *
   * @return whether the code is right and was not used before
   */
  boolean accept(long userId, byte[] sealedSecret, long lastStep, String code) {
    String secret = box.openText(sealedSecret, secretContext(userId));
    long step = totp.matchingStep(secret, code, clock.instant(), lastStep);
    if (step < 0) {
      return false;
    }
    // the condition makes a concurrent second use of the same code fail
    return dsl.update(APP_USER)
            .set(APP_USER.TOTP_LAST_STEP, step)
            .where(APP_USER.ID.eq(userId))
            .and(APP_USER.TOTP_LAST_STEP.lt(step))
            .execute()
        == 1;
  }

  private void clear(long userId) {
    dsl.update(APP_USER)
        .setNull(APP_USER.TOTP_SECRET)
        .setNull(APP_USER.TOTP_PENDING)
        .set(APP_USER.TOTP_LAST_STEP, 0L)
        .set(APP_USER.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
        .where(APP_USER.ID.eq(userId))
        .execute();
  }

  private static String secretContext(long userId) {
    return "app_user.totp_secret:" + userId;
  }

  private static String pendingContext(long userId) {
    return "app_user.totp_pending:" + userId;
  }
}
