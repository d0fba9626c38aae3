package com.sharewise.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that wraps every per-record data key ({@link SecretBox}). It comes from the
 * {@code SHAREWISE_MASTER_KEY} environment variable (32 bytes, base64) or from a PKCS#12 key store
 * in the data folder, created with a random key on first start. Losing it makes every sealed secret
 * (TOTP secrets, token-signing keys, broker credentials) unreadable: back it up.
 */
public final class MasterKey {

  /** The key store file inside the data folder. */
  public static final String KEY_STORE_FILE = "security/master-key.p12";

  static final String ALIAS = "sharewise-master-key";

  /** Used when no key store password is configured; the file's permissions protect it then. */
  static final String DEFAULT_STORE_PASSWORD = "sharewise";

  private final SecretKey key;
  private final String id;
  private final String source;

  private MasterKey(byte[] raw, String source) {
    if (raw.length != 32) {
      throw new SecurityException(
          source + " must hold a 256-bit key (32 bytes, base64), got " + raw.length + " bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.id = fingerprint(raw);
    this.source = source;
    Arrays.fill(raw, (byte) 0);
  }

  /** A key from raw bytes (tests). */
  public static MasterKey of(byte[] raw) {
    return new MasterKey(raw.clone(), "the given key");
  }

  /**
   * The master key: from {@code base64Key} when given, else from the key store under {@code
   * dataDirectory} (created on first use).
   *
   * @param base64Key the value of {@code SHAREWISE_MASTER_KEY}, or empty
   * @param storePassword the key store password, or empty for the default
   * @throws SecurityException if the value is not a 32-byte base64 key or the store is unreadable
   */
  public static MasterKey load(String base64Key, Path dataDirectory, String storePassword) {
    if (base64Key != null && !base64Key.isBlank()) {
      try {
        return new MasterKey(Base64.getDecoder().decode(base64Key.trim()), "SHAREWISE_MASTER_KEY");
      } catch (IllegalArgumentException e) {
        throw new SecurityException("SHAREWISE_MASTER_KEY is not valid base64", e);
      }
    }
    char[] password =
        (storePassword == null || storePassword.isEmpty() ? DEFAULT_STORE_PASSWORD : storePassword)
            .toCharArray();
    Path file = dataDirectory.resolve(KEY_STORE_FILE);
    try {
      if (!Files.exists(file)) {
        create(file, password);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
      KeyStore.Entry entry = store.getEntry(ALIAS, new KeyStore.PasswordProtection(password));
      if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
        throw new SecurityException(file + " holds no secret key named " + ALIAS);
      }
      return new MasterKey(secret.getSecretKey().getEncoded(), file.toString());
    } catch (IOException | GeneralSecurityException e) {
      throw new SecurityException(
          "cannot read the master key store "
              + file
              + " (wrong SHAREWISE_MASTER_KEY_STORE_PASSWORD?): "
              + e.getMessage(),
          e);
    }
  }

  private static void create(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(file.getParent());
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, password);
    store.setEntry(
        ALIAS,
        new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "AES")),
        new KeyStore.PasswordProtection(password));
    Arrays.fill(raw, (byte) 0);
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
      store.store(out, password);
    }
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: rely on the folder's permissions
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** A short, non-secret fingerprint naming this key (stored beside what it sealed). */
  public String id() {
    return id;
  }

  /** Where the key came from, for messages. */
  public String source() {
    return source;
  }

  SecretKey key() {
    return key;
  }

  private static String fingerprint(byte[] raw) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sharewise master key id".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(raw), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + " from " + source + "]";
  }
}
