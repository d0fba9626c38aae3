package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.ACCOUNT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.audit.AuditRecord;
import com.sharewise.audit.AuditTrail;
import com.sharewise.store.jooq.tables.records.AccountRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Trading accounts and who owns them: the one place that answers "may this user act for this
 * account". Broker credentials (API keys, secrets) are sealed with {@link SecretBox}, bound to the
 * account's row, and only handed to the broker adapter; they are never logged, audited or returned
 * by the API. Thread-safe.
 */
public final class Accounts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DSLContext dsl;
  private final Clock clock;
  private final AuditTrail audit;
  private final SecretBox box;
  private final java.util.Map<Long, Long> owners = new java.util.concurrent.ConcurrentHashMap<>();

  public Accounts(DSLContext dsl, Clock clock, AuditTrail audit, SecretBox box) {
    this.dsl = dsl;
    this.clock = clock;
    this.audit = audit;
    this.box = box;
  }

  /** Creates an account for {@code owner} with sealed {@code credentials}. */
  public Account create(
      String actor,
      User owner,
      String brokerPluginId,
      String name,
      Map<String, String> credentials) {
    Instant now = clock.instant();
    Account account =
        dsl.transactionResult(
            c -> {
              DSLContext tx = DSL.using(c);
              AccountRecord row =
                  tx.insertInto(ACCOUNT)
                      .set(ACCOUNT.OWNER_ID, owner.id())
                      .set(ACCOUNT.BROKER_PLUGIN_ID, brokerPluginId)
                      .set(ACCOUNT.NAME, name)
                      .set(ACCOUNT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                      .set(ACCOUNT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                      .returning()
                      .fetchOne();
              // the row id is the associated data, so it is known only after the insert
              tx.update(ACCOUNT)
                  .set(ACCOUNT.CREDENTIALS, seal(row.getId(), credentials))
                  .where(ACCOUNT.ID.eq(row.getId()))
                  .execute();
              return toAccount(row);
            });
    audit.append(
        new AuditRecord(
            actor,
            "ACCOUNT_CREATED",
            "account",
            Long.toString(account.id()),
            Map.of("owner", owner.username(), "broker", brokerPluginId, "name", name)));
    return account;
  }

  /** Replaces an account's credentials. */
  public void replaceCredentials(String actor, long accountId, Map<String, String> credentials) {
    int changed =
        dsl.update(ACCOUNT)
            .set(ACCOUNT.CREDENTIALS, seal(accountId, credentials))
            .set(ACCOUNT.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
            .where(ACCOUNT.ID.eq(accountId))
            .execute();
    if (changed == 0) {
      throw new UserException(UserException.Reason.NOT_FOUND, "no account " + accountId);
    }
    audit.append(
        new AuditRecord(
            actor, "ACCOUNT_CREDENTIALS_REPLACED", "account", Long.toString(accountId), Map.of()));
  }

  /**
   * Whether user {@code userId} owns account {@code accountId}. Asked on every order, so owners are
   * cached: an account never changes owner.
   */
  public boolean owns(long userId, long accountId) {
    Long owner = owners.get(accountId);
    if (owner == null) {
      owner =
          dsl.select(ACCOUNT.OWNER_ID)
              .from(ACCOUNT)
              .where(ACCOUNT.ID.eq(accountId))
              .fetchOptional(ACCOUNT.OWNER_ID)
              .orElse(null);
      if (owner == null) {
        return false;
      }
      owners.put(accountId, owner);
    }
    return owner == userId;
  }

  /** The account with id {@code accountId}. */
  public Optional<Account> find(long accountId) {
    return dsl.selectFrom(ACCOUNT)
        .where(ACCOUNT.ID.eq(accountId))
        .fetchOptional()
        .map(Accounts::toAccount);
  }

  /** The accounts {@code userId} owns. */
  public List<Account> ownedBy(long userId) {
    return dsl.selectFrom(ACCOUNT)
        .where(ACCOUNT.OWNER_ID.eq(userId))
        .orderBy(ACCOUNT.ID)
        .fetch(Accounts::toAccount);
  }

  /** Every account, by id (for risk officers' and admins' views). */
  public List<Account> all() {
    return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.ID).fetch(Accounts::toAccount);
  }

  /** The account's broker credentials, decrypted: for the broker adapter only. */
  public Map<String, String> credentials(long accountId) {
    byte[] sealed =
        dsl.select(ACCOUNT.CREDENTIALS)
            .from(ACCOUNT)
            .where(ACCOUNT.ID.eq(accountId))
            .fetchOptional(ACCOUNT.CREDENTIALS)
            .orElseThrow(
                () -> new UserException(UserException.Reason.NOT_FOUND, "no account " + accountId));
    if (sealed == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(box.open(sealed, context(accountId)), new TypeReference<>() {});
    } catch (java.io.IOException e) {
      throw new SecurityException("credentials of account " + accountId + " are unreadable", e);
    }
  }

  private byte[] seal(long accountId, Map<String, String> credentials) {
    try {
      return box.seal(JSON.writeValueAsBytes(new TreeMap<>(credentials)), context(accountId));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("credentials cannot be written as JSON", e);
    }
  }

  static String context(long accountId) {
    return "account.credentials:" + accountId;
  }

  private static Account toAccount(AccountRecord row) {
    return new Account(
        row.getId(),
        row.getOwnerId(),
        row.getBrokerPluginId(),
        row.getName(),
        row.getCreatedAt().toInstant());
  }
}
