package com.sharewise.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secrets at rest with AES-256-GCM. Each {@link #seal} draws a fresh random
 * 256-bit data key and two random 96-bit nonces: the data key encrypts the secret, the {@link
 * MasterKey} encrypts (wraps) the data key. Both are bound to {@code context} (e.g. {@code
 * account.credentials:42}) as associated data, so a sealed value copied to another row or column
 * does not open. Thread-safe.
 *
 * <p>Layout: version (1) · master key id (8) · wrap nonce (12) · wrapped data key (48) · nonce (12)
 * · ciphertext with tag.
 */
public final class SecretBox {

  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final int WRAPPED = 32 + 16;
  private static final int HEADER = 1 + 8 + NONCE + WRAPPED + NONCE;

  private final MasterKey master;
  private final byte[] masterId;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(MasterKey master) {
    this.master = master;
    this.masterId = HexFormat.of().parseHex(master.id());
  }

  /** Encrypts {@code plaintext} for the record named by {@code context}. */
  public byte[] seal(byte[] plaintext, String context) {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    byte[] wrapNonce = nonce();
    byte[] nonce = nonce();
    try {
      byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, master.key(), wrapNonce, wrapAad(context), dataKey);
      byte[] body =
          gcm(
              Cipher.ENCRYPT_MODE,
              new SecretKeySpec(dataKey, "AES"),
              nonce,
              context.getBytes(StandardCharsets.UTF_8),
              plaintext);
      return ByteBuffer.allocate(HEADER + body.length)
          .put(VERSION)
          .put(masterId)
          .put(wrapNonce)
          .put(wrapped)
          .put(nonce)
          .put(body)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java runtime", e);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** Encrypts a text. */
  public byte[] seal(String plaintext, String context) {
    return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
  }

  /**
   * Decrypts what {@link #seal} produced for the same {@code context}.
   *
   * @throws SecurityException if the value was altered, belongs to another record, or was sealed
   *     with another master key
   */
  public byte[] open(byte[] sealed, String context) {
    if (sealed == null || sealed.length < HEADER + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new SecurityException("sealed value for " + context + " is malformed");
    }
    ByteBuffer in = ByteBuffer.wrap(sealed);
    in.get();
    byte[] id = new byte[8];
    in.get(id);
    if (!Arrays.equals(id, masterId)) {
      throw new SecurityException(
          "sealed value for "
              + context
              + " was sealed with master key "
              + HexFormat.of().formatHex(id)
              + ", not with "
              + master.id());
    }
    byte[] wrapNonce = new byte[NONCE];
    in.get(wrapNonce);
    byte[] wrapped = new byte[WRAPPED];
    in.get(wrapped);
    byte[] nonce = new byte[NONCE];
    in.get(nonce);
    byte[] body = new byte[in.remaining()];
    in.get(body);
    byte[] dataKey = null;
    try {
      dataKey = gcm(Cipher.DECRYPT_MODE, master.key(), wrapNonce, wrapAad(context), wrapped);
      return gcm(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          nonce,
          context.getBytes(StandardCharsets.UTF_8),
          body);
    } catch (AEADBadTagException e) {
      throw new SecurityException(
          "sealed value for " + context + " does not authenticate: altered or moved", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java runtime", e);
    } finally {
      if (dataKey != null) {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
  }

  /** Decrypts a text. */
  public String openText(byte[] sealed, String context) {
    return new String(open(sealed, context), StandardCharsets.UTF_8);
  }

  private byte[] nonce() {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    return nonce;
  }

  private static byte[] wrapAad(String context) {
    return ("data key|" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }
}
