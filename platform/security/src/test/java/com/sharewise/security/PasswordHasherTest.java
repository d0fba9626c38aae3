package com.sharewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

  @Test
  void aHashIsArgon2idInPhcFormatAndVerifiesOnlyTheRightPassword() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct");
    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void theSamePasswordGetsADifferentSaltEachTime() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void malformedOrForeignHashesNeverVerify() {
    assertThat(hasher.verify("x", null)).isFalse();
    assertThat(hasher.verify("x", "plain text")).isFalse();
    assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
  }

  @Test
  void hashesMadeWithOtherParametersStillVerifyAndAskForARehash() {
    String weak = new PasswordHasher(512, 1, 1).hash("old password 1");

    assertThat(hasher.verify("old password 1", weak)).isTrue();
    assertThat(hasher.needsRehash(weak)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash("new password 1"))).isFalse();
  }

  @Test
  void thePolicyRefusesShortAndHugePasswords() {
    assertThat(PasswordHasher.policyViolation("short")).contains("at least 10");
    assertThat(PasswordHasher.policyViolation("x".repeat(201))).contains("at most 200");
    assertThat(PasswordHasher.policyViolation("long enough!")).isNull();
  }
}
