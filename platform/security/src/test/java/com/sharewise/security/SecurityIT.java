package com.sharewise.security;

import static com.sharewise.store.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.api.testing.ManualClock;
import com.sharewise.audit.AuditTrail;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.InvalidTokenException;
import com.sharewise.store.Store;
import com.sharewise.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, tokens, sessions, two-factor and accounts against a real PostgreSQL. */
class SecurityIT {

  @TempDir static Path data;
  private static Store store;
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2025-03-03T04:00:00Z"));
  private static Security security;
  private static MasterKey masterKey;

  @BeforeAll
  static void open() {
    store = Store.open(StoreConfig.embedded(data));
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 3);
    masterKey = MasterKey.of(raw);
    security =
        Security.open(
            store.dsl(),
            CLOCK,
            new AuditTrail(store.dsl(), CLOCK),
            masterKey,
            SecuritySettings.defaults(),
            new PasswordHasher(1024, 1, 1));
    assertThat(security.createFirstAdmin("first admin password")).isEmpty();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static User user(String name, String... roles) {
    return security
        .users()
        .find(name)
        .orElseGet(() -> security.users().create("test", name, name + " password", Set.of(roles)));
  }

  @Test
  void aLoginGivesAnEs256TokenThatVerifiesToTheUserAndTheirCurrentRoles() {
    user("alice", Roles.TRADER);
    Tokens tokens = security.sessions().login("alice", "alice password", null, "127.0.0.1");

    String header =
        new String(
            Base64.getUrlDecoder().decode(tokens.accessToken().split("\\.")[0]),
            StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"ES256\"").contains("\"kid\"");
    assertThat(Duration.between(CLOCK.instant(), tokens.accessExpiresAt()))
        .isLessThanOrEqualTo(Duration.ofMinutes(15));
    AuthenticatedUser user = security.accessTokens().verify(tokens.accessToken());
    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.roles()).containsExactly(Roles.TRADER);
  }

  @Test
  void wrongPasswordsUnknownUsersAndDisabledUsersCannotLogIn() {
    user("bob", Roles.TRADER);
    assertThatThrownBy(() -> security.sessions().login("bob", "wrong password", null, null))
        .isInstanceOf(LoginFailedException.class)
        .hasMessage("wrong user name, password or one-time code");
    assertThatThrownBy(() -> security.sessions().login("nobody", "whatever 123", null, null))
        .hasMessage("wrong user name, password or one-time code");
    security.users().update("test", "bob", null, false, null);
    assertThatThrownBy(() -> security.sessions().login("bob", "bob password", null, null))
        .hasMessage("this user is disabled");
  }

  @Test
  void anExpiredTokenIsRefused() {
    user("carol", Roles.TRADER);
    Tokens tokens = security.sessions().login("carol", "carol password", null, null);
    CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
    try {
      assertThatThrownBy(() -> security.accessTokens().verify(tokens.accessToken()))
          .isInstanceOf(InvalidTokenException.class)
          .hasMessageContaining("expired");
    } finally {
      CLOCK.advance(Duration.ofMinutes(-15).minusSeconds(1));
    }
  }

  @Test
  void tamperedUnsignedAndForeignKeyTokensAreRefused() {
    user("dave", Roles.TRADER);
    String token = security.sessions().login("dave", "dave password", null, null).accessToken();
    String[] parts = token.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String promoted =
        b64.encodeToString(
            payload.replace("\"TRADER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
    String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String hs256 =
        b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String otherKid =
        b64.encodeToString(
            header
                .replaceAll("\"kid\":\"[^\"]+\"", "\"kid\":\"no-such-key\"")
                .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
            () -> security.accessTokens().verify(parts[0] + "." + promoted + "." + parts[2]))
        .hasMessageContaining("signature");
    assertThatThrownBy(() -> security.accessTokens().verify(none + "." + parts[1] + "."))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(
            () -> security.accessTokens().verify(hs256 + "." + parts[1] + "." + parts[2]))
        .hasMessageContaining("ES256");
    assertThatThrownBy(
            () -> security.accessTokens().verify(otherKid + "." + parts[1] + "." + parts[2]))
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() -> security.accessTokens().verify("garbage"))
        .hasMessageContaining("malformed");
  }

  @Test
  void refreshRotatesAndReusingASpentTokenRevokesTheWholeFamily() {
    user("erin", Roles.TRADER);
    Tokens first = security.sessions().login("erin", "erin password", null, null);
    Tokens second = security.sessions().refresh(first.refreshToken(), null);

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(security.accessTokens().verify(second.accessToken()).username()).isEqualTo("erin");

    assertThatThrownBy(() -> security.sessions().refresh(first.refreshToken(), null))
        .isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(() -> security.sessions().refresh(second.refreshToken(), null))
        .hasMessageContaining("session of this refresh token has ended");
    assertThatThrownBy(() -> security.accessTokens().verify(second.accessToken()))
        .hasMessageContaining("session");
    assertThat(
            store
                .dsl()
                .fetchExists(
                    AUDIT_LOG,
                    AUDIT_LOG
                        .ACTION
                        .eq("REFRESH_TOKEN_REUSED")
                        .and(AUDIT_LOG.TARGET_ID.eq(first.sessionId()))))
        .isTrue();
  }

  @Test
  void logoutEndsTheSessionAndARoleChangeShowsInTheNextCheck() {
    user("frank", Roles.TRADER);
    Tokens tokens = security.sessions().login("frank", "frank password", null, null);
    security.users().update("test", "frank", Set.of(Roles.RISK_OFFICER), null, null);
    CLOCK.advance(AccessTokens.SESSION_CACHE.plusSeconds(1));
    assertThat(security.accessTokens().verify(tokens.accessToken()).roles())
        .containsExactly(Roles.RISK_OFFICER);

    assertThat(security.sessions().logout(tokens.sessionId(), "frank")).isTrue();
    assertThatThrownBy(() -> security.accessTokens().verify(tokens.accessToken()))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> security.sessions().refresh(tokens.refreshToken(), null))
        .isInstanceOf(LoginFailedException.class);
  }

  @Test
  void twoFactorNeedsACodeAtLoginOnceConfirmedAndACodeWorksOnce() {
    User grace = user("grace", Roles.TRADER);
    TwoFactor.Enrolment enrolment = security.twoFactor().enroll(grace);
    Totp totp = new Totp("ShareWise");
    assertThat(enrolment.provisioningUri()).startsWith("otpauth://totp/");
    assertThat(security.twoFactor().confirm(grace, "000000")).isFalse();
    String confirmCode = totp.code(enrolment.secret(), Totp.step(CLOCK.instant()));
    assertThat(security.twoFactor().confirm(grace, confirmCode)).isTrue();

    assertThatThrownBy(() -> security.sessions().login("grace", "grace password", null, null))
        .extracting(e -> ((LoginFailedException) e).reason())
        .isEqualTo(LoginFailedException.Reason.TOTP_REQUIRED);
    // the confirmation code is spent; the next step's code is not
    assertThatThrownBy(
            () -> security.sessions().login("grace", "grace password", confirmCode, null))
        .isInstanceOf(LoginFailedException.class);
    String next = totp.code(enrolment.secret(), Totp.step(CLOCK.instant()) + 1);
    assertThat(security.sessions().login("grace", "grace password", next, null).accessToken())
        .isNotEmpty();
    assertThat(security.users().require("grace").totpEnabled()).isTrue();
  }

  @Test
  void theLastAdminCannotBeRemovedDisabledOrDemoted() {
    assertThatThrownBy(() -> security.users().delete("test", Security.FIRST_ADMIN))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("no enabled user with role ADMIN");
    assertThatThrownBy(
            () ->
                security
                    .users()
                    .update("test", Security.FIRST_ADMIN, Set.of(Roles.TRADER), null, null))
        .hasMessageContaining("ADMIN");
    assertThatThrownBy(
            () -> security.users().update("test", Security.FIRST_ADMIN, null, false, null))
        .hasMessageContaining("ADMIN");
  }

  @Test
  void accountsBelongToTheirOwnerAndTheirCredentialsAreSealedToTheRow() {
    User henry = user("henry", Roles.TRADER);
    User ivy = user("ivy", Roles.TRADER);
    Account account =
        security
            .accounts()
            .create(
                "test",
                henry,
                "com.sharewise.broker.paper",
                "main",
                Map.of("apiKey", "K-123", "apiSecret", "S-456"));

    assertThat(security.accounts().owns(henry.id(), account.id())).isTrue();
    assertThat(security.accounts().owns(ivy.id(), account.id())).isFalse();
    assertThat(security.accounts().credentials(account.id())).containsEntry("apiSecret", "S-456");
    byte[] stored =
        store
            .dsl()
            .select(com.sharewise.store.jooq.Tables.ACCOUNT.CREDENTIALS)
            .from(com.sharewise.store.jooq.Tables.ACCOUNT)
            .where(com.sharewise.store.jooq.Tables.ACCOUNT.ID.eq(account.id()))
            .fetchOne()
            .value1();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("S-456");
    assertThat(store.dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).fetch(AUDIT_LOG.DETAIL))
        .noneMatch(d -> d.contains("S-456"));
    assertThatThrownBy(() -> security.users().delete("test", "henry"))
        .hasMessageContaining("owns trading accounts");
  }

  @Test
  void aNodeWithAnotherMasterKeyStopsWithAClearMessage() {
    byte[] other = new byte[32];
    Arrays.fill(other, (byte) 4);
    assertThatThrownBy(
            () ->
                Security.open(
                    store.dsl(),
                    CLOCK,
                    new AuditTrail(store.dsl(), CLOCK),
                    MasterKey.of(other),
                    SecuritySettings.defaults(),
                    new PasswordHasher(1024, 1, 1)))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("not the key this database's secrets are sealed with");
  }

  @Test
  void tokensSignedByOneNodeVerifyOnAnotherSharingTheDatabase() {
    user("judy", Roles.TRADER);
    Tokens tokens = security.sessions().login("judy", "judy password", null, null);
    Security otherNode =
        Security.open(
            store.dsl(),
            CLOCK,
            new AuditTrail(store.dsl(), CLOCK),
            masterKey,
            SecuritySettings.defaults(),
            new PasswordHasher(1024, 1, 1));

    assertThat(otherNode.accessTokens().verify(tokens.accessToken()).username()).isEqualTo("judy");
    String rotated = otherNode.rotateSigningKey();
    CLOCK.advance(Duration.ofSeconds(2));
    Tokens after = security.sessions().login("judy", "judy password", null, null);
    assertThat(security.accessTokens().verify(after.accessToken()).username()).isEqualTo("judy");
    assertThat(rotated).isNotBlank();
    // the token from before the rotation still verifies: old keys stay until they age out
    assertThat(otherNode.accessTokens().verify(tokens.accessToken()).username()).isEqualTo("judy");
  }
}
