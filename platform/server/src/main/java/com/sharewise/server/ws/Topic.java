package com.sharewise.server.ws;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One (channel, key) and its subscribers. The subscriber array is copied on change, so publishing
 * reads it without a lock; subscribing is rare next to publishing.
 */
final class Topic {

  private static final Subscription[] NONE = new Subscription[0];

  final String channel;
  final String key;

  /** {@code {"type":"data","channel":…,"key":…,"data":} in UTF-8 — the same for every value. */
  private final byte[] messagePrefix;

  private final AtomicLong versions = new AtomicLong();
  private volatile Subscription[] subscribers = NONE;
  private volatile Object latest;

  Topic(String channel, String key, byte[] messagePrefix) {
    this.channel = channel;
    this.key = key;
    this.messagePrefix = messagePrefix;
  }

  Subscription[] subscribers() {
    return subscribers;
  }

  synchronized void add(Subscription subscription) {
    Subscription[] now = subscribers;
    Subscription[] next = Arrays.copyOf(now, now.length + 1);
    next[now.length] = subscription;
    subscribers = next;
  }

  synchronized void remove(Subscription subscription) {
    Subscription[] now = subscribers;
    for (int i = 0; i < now.length; i++) {
      if (now[i] == subscription) {
        Subscription[] next = new Subscription[now.length - 1];
        System.arraycopy(now, 0, next, 0, i);
        System.arraycopy(now, i + 1, next, i, now.length - i - 1);
        subscribers = next;
        return;
      }
    }
  }

  /**
   * The data message for a value, encoded once for all subscribers.
   *
   * @param data the value as UTF-8 JSON
   */
  byte[] message(byte[] data) {
    byte[] message = Arrays.copyOf(messagePrefix, messagePrefix.length + data.length + 1);
    System.arraycopy(data, 0, message, messagePrefix.length, data.length);
    message[message.length - 1] = '}';
    return message;
  }

  /** A version for a new value: values of one topic are ordered by it. */
  long nextVersion() {
    return versions.incrementAndGet();
  }

  long currentVersion() {
    return versions.get();
  }

  Object latest() {
    return latest;
  }

  void retain(Object payload) {
    latest = payload;
  }

  /** True when the topic can be forgotten: no subscribers and nothing retained. */
  boolean isUnused() {
    return subscribers.length == 0 && latest == null;
  }
}
