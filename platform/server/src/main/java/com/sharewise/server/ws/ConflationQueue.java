package com.sharewise.server.ws;

import java.util.ArrayDeque;

/**
 * What one client still has to be sent: replies (never dropped, bounded), and for each key it
 * subscribes to at most one value, the newest. A value offered for a key that already waits
 * replaces the waiting one, so the memory a slow client can hold is bounded by its subscriptions,
 * however fast values are published.
 *
 * <p>Keys are {@link Slot}s, one per subscription. Values go out in the order their keys first
 * became pending (FIFO over keys), replies before values. Thread-safe: many publishing threads
 * offer, one sender polls at a time. Every operation is O(1) and allocates nothing in the steady
 * state.
 *
 * @param <M> a message as it is sent (the hub queues encoded frames, shared between the clients a
 *     value goes to)
 */
final class ConflationQueue<M> {

  /** One key's place in the queue. Guarded by the queue's lock. */
  static final class Slot {
    private long version = Long.MIN_VALUE;

    /** The waiting value: only the owning queue writes and reads it, as an {@code M}. */
    private Object value;

    private boolean queued;
    private boolean cancelled;
  }

  private final ArrayDeque<Slot> pendingKeys = new ArrayDeque<>();
  private final ArrayDeque<M> replies = new ArrayDeque<>();
  private final int maxReplies;

  /** Written under the lock; volatile so that the slow-consumer watchdog reads it without it. */
  private volatile int pending;

  private long conflated;
  private boolean closed;

  ConflationQueue(int maxReplies) {
    this.maxReplies = maxReplies;
  }

  /** A new key (a subscription). */
  Slot newSlot() {
    return new Slot();
  }

  /**
   * Makes {@code value} the one to send for {@code slot}, unless a value with a higher {@code
   * version} was offered already (fan-out threads may deliver two publishes of one key out of
   * order; the newer must win).
   *
   * @return true if the value was taken
   */
  synchronized boolean offer(Slot slot, long version, M value) {
    if (closed || slot.cancelled || version <= slot.version) {
      return false;
    }
    slot.version = version;
    if (slot.value != null) {
      conflated++;
    } else {
      pending++;
    }
    slot.value = value;
    if (!slot.queued) {
      slot.queued = true;
      pendingKeys.addLast(slot);
    }
    return true;
  }

  /**
   * Queues an event that must not be conflated, in order with replies.
   *
   * @return false when {@code maxWaiting} messages are waiting already
   */
  synchronized boolean offerEvent(M event, int maxWaiting) {
    if (closed || replies.size() >= maxWaiting) {
      return false;
    }
    replies.addLast(event);
    return true;
  }

  /**
   * Queues a reply.
   *
   * @return false when {@code maxReplies} replies are waiting already (the client does not read)
   */
  synchronized boolean offerReply(M reply) {
    if (closed) {
      return false;
    }
    if (replies.size() >= maxReplies) {
      return false;
    }
    replies.addLast(reply);
    return true;
  }

  /** The next message to send, or null when nothing waits. */
  @SuppressWarnings("unchecked") // a slot's value is only ever set by offer, as an M
  synchronized M poll() {
    M reply = replies.pollFirst();
    if (reply != null) {
      return reply;
    }
    Slot slot;
    while ((slot = pendingKeys.pollFirst()) != null) {
      slot.queued = false;
      Object value = slot.value;
      if (value != null) {
        slot.value = null;
        pending--;
        return (M) value;
      }
    }
    return null;
  }

  /** Drops the slot's waiting value, if any, and ignores later offers for it (unsubscribe). */
  synchronized void cancel(Slot slot) {
    slot.cancelled = true;
    if (slot.value != null) {
      slot.value = null;
      pending--;
    }
  }

  /** Drops everything and refuses later offers (the connection closed). */
  synchronized void close() {
    closed = true;
    replies.clear();
    pendingKeys.clear();
    pending = 0;
  }

  synchronized boolean isEmpty() {
    return replies.isEmpty() && pending == 0;
  }

  /** Keys with a value waiting (without taking the lock: the watchdog asks every client often). */
  int pendingKeys() {
    return pending;
  }

  /** Values replaced before they were sent, since this queue was made. */
  synchronized long conflated() {
    return conflated;
  }
}
