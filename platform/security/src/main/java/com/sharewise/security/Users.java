package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.ACCOUNT;
import static com.sharewise.store.jooq.Tables.APP_USER;
import static com.sharewise.store.jooq.Tables.USER_ROLE;

import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.server.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Users and their roles in PostgreSQL. Every change is appended to the audit trail with the acting
 * user; the last enabled ADMIN can neither be removed, disabled nor lose the role, so a node can
 * always be administered. Thread-safe.
 */
public final class Users {

  /** The roles a user may hold. */
  public static final Set<String> ROLES = Set.of(Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN);

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private final DSLContext dsl;
  private final Clock clock;
  private final AuditTrail audit;
  private final PasswordHasher hasher;

  public Users(DSLContext dsl, Clock clock, AuditTrail audit, PasswordHasher hasher) {
    this.dsl = dsl;
    this.clock = clock;
    this.audit = audit;
    this.hasher = hasher;
  }

  /** Whether there are no users at all (a first start). */
  public boolean none() {
    return dsl.fetchCount(APP_USER) == 0;
  }

  /** Every user, by name. */
  public List<User> list() {
    Map<Long, Set<String>> roles = roles(null);
    return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch().stream()
        .map(r -> toUser(r, roles.getOrDefault(r.getId(), Set.of())))
        .toList();
  }

  /** The user named {@code username}. */
  public Optional<User> find(String username) {
    return dsl.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional()
        .map(r -> toUser(r, roles(r.getId()).getOrDefault(r.getId(), Set.of())));
  }

  /** The user with id {@code id}. */
  public Optional<User> find(long id) {
    return dsl.selectFrom(APP_USER)
        .where(APP_USER.ID.eq(id))
        .fetchOptional()
        .map(r -> toUser(r, roles(id).getOrDefault(id, Set.of())));
  }

  /** The user named {@code username}, or NOT_FOUND. */
  public User require(String username) {
    return find(username)
        .orElseThrow(
            () ->
                new UserException(
                    UserException.Reason.NOT_FOUND, "no user named '" + username + "'"));
  }

  /**
   * Creates a user.
   *
   * @throws UserException INVALID for a bad name, password or role; ALREADY_EXISTS
   */
  public User create(String actor, String username, String password, Set<String> roles) {
    checkName(username);
    checkPassword(password);
    checkRoles(roles);
    String hash = hasher.hash(password);
    Instant now = clock.instant();
    User created =
        dsl.transactionResult(
            configuration -> {
              DSLContext tx = DSL.using(configuration);
              if (tx.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
                throw new UserException(
                    UserException.Reason.ALREADY_EXISTS,
                    "a user named '" + username + "' already exists");
              }
              long id =
                  tx.insertInto(APP_USER)
                      .set(APP_USER.USERNAME, username)
                      .set(APP_USER.PASSWORD_HASH, hash)
                      .set(APP_USER.ENABLED, true)
                      .set(APP_USER.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                      .set(APP_USER.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                      .returning(APP_USER.ID)
                      .fetchOne()
                      .getId();
              writeRoles(tx, id, roles);
              return new User(id, username, roles, true, false, now, now);
            });
    audit.append(
        new AuditRecord(
            actor,
            "USER_CREATED",
            "user",
            username,
            Map.of("roles", String.join(",", new TreeSet<>(roles)))));
    return created;
  }

  /**
   * Changes roles, the enabled flag and/or the password (null = leave as is).
   *
   * @throws UserException NOT_FOUND, INVALID, or CONFLICT when it would leave no enabled ADMIN
   */
  public User update(
      String actor, String username, Set<String> roles, Boolean enabled, String password) {
    if (roles != null) {
      checkRoles(roles);
    }
    if (password != null) {
      checkPassword(password);
    }
    String hash = password == null ? null : hasher.hash(password);
    Instant now = clock.instant();
    dsl.transaction(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          lockUsers(tx);
          long id = idOf(tx, username);
          Map<org.jooq.Field<?>, Object> changes = new HashMap<>();
          changes.put(APP_USER.UPDATED_AT, now.atOffset(ZoneOffset.UTC));
          if (enabled != null) {
            changes.put(APP_USER.ENABLED, enabled);
          }
          if (hash != null) {
            changes.put(APP_USER.PASSWORD_HASH, hash);
          }
          tx.update(APP_USER).set(changes).where(APP_USER.ID.eq(id)).execute();
          if (roles != null) {
            tx.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(id)).execute();
            writeRoles(tx, id, roles);
          }
          requireAnAdmin(tx);
        });
    if (password != null && !actor.equals(username)) {
      revokeSessions(username, "password reset");
    }
    if (Boolean.FALSE.equals(enabled)) {
      revokeSessions(username, "user disabled");
    }
    Map<String, String> detail = new LinkedHashMap<>();
    if (roles != null) {
      detail.put("roles", String.join(",", new TreeSet<>(roles)));
    }
    if (enabled != null) {
      detail.put("enabled", enabled.toString());
    }
    if (password != null) {
      detail.put("passwordChanged", "true");
    }
    audit.append(new AuditRecord(actor, "USER_UPDATED", "user", username, detail));
    return require(username);
  }

  /**
   * Changes a user's own password after checking the current one.
   *
   * @return false when {@code current} is wrong
   */
  public boolean changeOwnPassword(String username, String current, String replacement) {
    checkPassword(replacement);
    String stored =
        dsl.select(APP_USER.PASSWORD_HASH)
            .from(APP_USER)
            .where(APP_USER.USERNAME.eq(username))
            .fetchOne(APP_USER.PASSWORD_HASH);
    if (stored == null || !hasher.verify(current, stored)) {
      audit.append(new AuditRecord(username, "PASSWORD_CHANGE_FAILED", "user", username, Map.of()));
      return false;
    }
    dsl.update(APP_USER)
        .set(APP_USER.PASSWORD_HASH, hasher.hash(replacement))
        .set(APP_USER.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
        .where(APP_USER.USERNAME.eq(username))
        .execute();
    audit.append(new AuditRecord(username, "PASSWORD_CHANGED", "user", username, Map.of()));
    return true;
  }

  /**
   * Deletes a user and their sessions.
   *
   * @throws UserException NOT_FOUND, or CONFLICT for the last ADMIN or a user owning accounts
   */
  public void delete(String actor, String username) {
    dsl.transaction(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          lockUsers(tx);
          long id = idOf(tx, username);
          if (tx.fetchExists(ACCOUNT, ACCOUNT.OWNER_ID.eq(id))) {
            throw new UserException(
                UserException.Reason.CONFLICT,
                "user '"
                    + username
                    + "' owns trading accounts; disable the user instead of deleting them");
          }
          tx.deleteFrom(APP_USER).where(APP_USER.ID.eq(id)).execute();
          requireAnAdmin(tx);
        });
    audit.append(new AuditRecord(actor, "USER_DELETED", "user", username, Map.of()));
  }

  /** The stored password hash and state of a user, for login. */
  record Credentials(
      long id,
      String username,
      String passwordHash,
      boolean enabled,
      byte[] totpSecret,
      long totpLastStep) {}

  Optional<Credentials> credentials(String username) {
    return dsl.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional()
        .map(
            r ->
                new Credentials(
                    r.getId(),
                    r.getUsername(),
                    r.getPasswordHash(),
                    r.getEnabled(),
                    r.getTotpSecret(),
                    r.getTotpLastStep()));
  }

  /** Upgrades a hash made with weaker parameters, after a successful login. */
  void rehashIfNeeded(long id, String password, String stored) {
    if (hasher.needsRehash(stored)) {
      dsl.update(APP_USER)
          .set(APP_USER.PASSWORD_HASH, hasher.hash(password))
          .where(APP_USER.ID.eq(id))
          .execute();
    }
  }

  PasswordHasher hasher() {
    return hasher;
  }

  private void revokeSessions(String username, String reason) {
    Sessions.revokeAll(dsl, clock, username, reason);
  }

  /** Role names per user id ({@code userId} null = all users). */
  Map<Long, Set<String>> roles(Long userId) {
    Map<Long, Set<String>> roles = new HashMap<>();
    var query = dsl.selectFrom(USER_ROLE);
    (userId == null ? query.fetch() : query.where(USER_ROLE.USER_ID.eq(userId)).fetch())
        .forEach(r -> roles.computeIfAbsent(r.getUserId(), k -> new TreeSet<>()).add(r.getRole()));
    return roles;
  }

  private static void writeRoles(DSLContext tx, long id, Set<String> roles) {
    for (String role : new TreeSet<>(roles)) {
      tx.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role).execute();
    }
  }

  /** Serialises user changes, so two admins cannot each remove "the other" last admin. */
  private static void lockUsers(DSLContext tx) {
    tx.execute("select pg_advisory_xact_lock(?)", 0x5553455253L); // "USERS"
  }

  private static void requireAnAdmin(DSLContext tx) {
    boolean adminLeft =
        tx.fetchExists(
            tx.selectOne()
                .from(USER_ROLE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_ROLE.USER_ID))
                .where(USER_ROLE.ROLE.eq(Roles.ADMIN))
                .and(APP_USER.ENABLED.isTrue()));
    if (!adminLeft) {
      throw new UserException(
          UserException.Reason.CONFLICT,
          "this would leave no enabled user with role ADMIN; give the role to someone else first");
    }
  }

  private static long idOf(DSLContext tx, String username) {
    Long id =
        tx.select(APP_USER.ID)
            .from(APP_USER)
            .where(APP_USER.USERNAME.eq(username))
            .fetchOne(APP_USER.ID);
    if (id == null) {
      throw new UserException(UserException.Reason.NOT_FOUND, "no user named '" + username + "'");
    }
    return id;
  }

  private static User toUser(Record r, Set<String> roles) {
    var row = r.into(APP_USER);
    return new User(
        row.getId(),
        row.getUsername(),
        roles,
        row.getEnabled(),
        row.getTotpSecret() != null,
        row.getCreatedAt().toInstant(),
        row.getUpdatedAt().toInstant());
  }

  static void checkName(String username) {
    if (username == null || !NAME.matcher(username).matches()) {
      throw new UserException(
          UserException.Reason.INVALID,
          "user name must be 2-64 characters of"
              + " a-z, 0-9, '.', '_' or '-', starting with a letter or digit; got '"
              + username
              + "'");
    }
  }

  private static void checkPassword(String password) {
    String problem = PasswordHasher.policyViolation(password);
    if (problem != null) {
      throw new UserException(UserException.Reason.INVALID, "password " + problem);
    }
  }

  static void checkRoles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new UserException(
          UserException.Reason.INVALID, "give at least one role of " + new TreeSet<>(ROLES));
    }
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        throw new UserException(
            UserException.Reason.INVALID,
            "unknown role '" + role + "'; roles are " + new TreeSet<>(ROLES));
      }
    }
  }
}
