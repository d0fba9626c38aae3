package com.sharewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private final SecretBox box = new SecretBox(MasterKey.of(KEY));

  @Test
  void sealedValuesOpenForTheirOwnRecordAndHideThePlaintext() {
    byte[] sealed = box.seal("api-secret-123", "account.credentials:1");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("api-secret-123");
    assertThat(box.openText(sealed, "account.credentials:1")).isEqualTo("api-secret-123");
  }

  @Test
  void everySealUsesFreshNoncesAndDataKeys() {
    assertThat(box.seal("same", "ctx")).isNotEqualTo(box.seal("same", "ctx"));
  }

  @Test
  void aValueMovedToAnotherRowDoesNotOpen() {
    byte[] sealed = box.seal("api-secret-123", "account.credentials:1");

    assertThatThrownBy(() -> box.open(sealed, "account.credentials:2"))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("altered or moved");
  }

  @Test
  void anyFlippedBitIsDetected() {
    byte[] sealed = box.seal("api-secret-123", "ctx");
    for (int i : new int[] {10, 30, 70, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(SecurityException.class);
    }
  }

  @Test
  void anotherMasterKeyCannotOpenAndSaysSo() {
    byte[] other = new byte[32];
    Arrays.fill(other, (byte) 9);
    byte[] sealed = box.seal("x", "ctx");

    assertThatThrownBy(() -> new SecretBox(MasterKey.of(other)).open(sealed, "ctx"))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("sealed with master key");
  }

  @Test
  void theKeyStoreIsCreatedOnceAndGivesTheSameKeyAfterwards(@TempDir Path data) throws Exception {
    MasterKey first = MasterKey.load("", data, "");
    MasterKey second = MasterKey.load("", data, "");

    assertThat(Files.exists(data.resolve(MasterKey.KEY_STORE_FILE))).isTrue();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(new SecretBox(second).openText(new SecretBox(first).seal("x", "c"), "c"))
        .isEqualTo("x");
    assertThatThrownBy(() -> MasterKey.load("", data, "wrong password"))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("SHAREWISE_MASTER_KEY_STORE_PASSWORD");
  }

  @Test
  void theEnvironmentKeyMustBe256BitsOfBase64(@TempDir Path data) {
    String key = Base64.getEncoder().encodeToString(KEY);

    assertThat(MasterKey.load(key, data, "").id()).isEqualTo(MasterKey.of(KEY).id());
    assertThatThrownBy(() -> MasterKey.load("c2hvcnQ=", data, "")).hasMessageContaining("256-bit");
    assertThatThrownBy(() -> MasterKey.load("not base64!", data, ""))
        .hasMessageContaining("base64");
  }
}
