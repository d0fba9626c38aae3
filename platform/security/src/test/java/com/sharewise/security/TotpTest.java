package com.sharewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  /** RFC 6238's SHA-1 seed "12345678901234567890", base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final Totp totp = new Totp("ShareWise");

  @ParameterizedTest(name = "T={0}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheRfc6238TestVectors(long seconds, String expected) {
    Totp eightDigits = new Totp("ShareWise", HashingAlgorithm.SHA1, 8);

    assertThat(eightDigits.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds))))
        .isEqualTo(expected);
  }

  @Test
  void acceptsTheCurrentAndNeighbouringStepsButNotOlderOnes() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String secret = totp.newSecret();

    assertThat(totp.matchingStep(secret, totp.code(secret, step), now, 0)).isEqualTo(step);
    assertThat(totp.matchingStep(secret, totp.code(secret, step - 1), now, 0)).isEqualTo(step - 1);
    assertThat(totp.matchingStep(secret, totp.code(secret, step + 1), now, 0)).isEqualTo(step + 1);
    assertThat(totp.matchingStep(secret, totp.code(secret, step - 2), now, 0)).isEqualTo(-1);
  }

  @Test
  void aCodeIsNeverAcceptedTwice() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    String secret = totp.newSecret();

    assertThat(totp.matchingStep(secret, totp.code(secret, step), now, step)).isEqualTo(-1);
  }

  @Test
  void rejectsMalformedCodes() {
    String secret = totp.newSecret();
    Instant now = Instant.now();
    assertThat(totp.matchingStep(secret, null, now, 0)).isEqualTo(-1);
    assertThat(totp.matchingStep(secret, "12345", now, 0)).isEqualTo(-1);
    assertThat(totp.matchingStep(secret, "abcdef", now, 0)).isEqualTo(-1);
  }

  @Test
  void theProvisioningUriIsWhatAuthenticatorAppsRead() {
    String uri = totp.provisioningUri("alice", "JBSWY3DPEHPK3PXP");

    assertThat(uri)
        .startsWith("otpauth://totp/")
        .contains("secret=JBSWY3DPEHPK3PXP")
        .contains("issuer=ShareWise")
        .contains("digits=6")
        .contains("period=30");
  }
}
