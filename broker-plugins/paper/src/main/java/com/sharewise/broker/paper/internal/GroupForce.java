package com.sharewise.broker.paper.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forces a file to disk for many callers at once (group commit). Callers write their bytes
 * themselves and then {@link #await} the position their write ended at; one thread of its own
 * forces everything written so far and releases every caller the force covered, so the callers that
 * wrote while a force was running share the next one. A force costs the same for one line as for a
 * thousand, which is what lets many orders a second be durable without each waiting for its own
 * force.
 *
 * <p>The force runs on its own thread rather than a caller's because an interrupted caller (a
 * broker call abandoned after its timeout) would close the file channel for everyone if it were
 * interrupted inside {@code force}.
 *
 * <p>Once a force fails nothing later is durable: the callers it covered and every later one get
 * the failure, and {@link #failed()} tells the writer to refuse further writes. Thread-safe.
 */
final class GroupForce implements AutoCloseable {

  /** The file the forces are for. */
  interface Target {
    /** The position up to which bytes have been written (all of them, not in progress). */
    long written();

    /** Forces everything written so far to disk. */
    void force() throws IOException;
  }

  private static final long CLOSE_WAIT_SECONDS = 30;

  private final String name;
  private final Target target;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition asked = lock.newCondition();
  private final Condition forced = lock.newCondition();
  private final Thread forcer;
  // all guarded by lock
  private long requested;
  private long durable;
  private IOException failure;
  private boolean closing;
  private boolean stopped;

  /**
   * @param name names the file in errors and the forcing thread
   * @param target the file
   * @param durable the position already on disk (what was there when the file was opened)
   */
  GroupForce(String name, Target target, long durable) {
    this.name = name;
    this.target = target;
    this.durable = durable;
    this.requested = durable;
    this.forcer = Thread.ofPlatform().name("paper-journal-force").daemon(true).unstarted(this::run);
    forcer.start();
  }

  /**
   * Returns once every byte before {@code position} is on disk.
   *
   * @throws IOException when a force failed before covering {@code position}, or the journal was
   *     closed first; then whether those bytes are on disk is not known
   */
  void await(long position) throws IOException {
    lock.lock();
    try {
      if (position <= durable) {
        return;
      }
      if (position > requested) {
        requested = position;
        asked.signal();
      }
      // not interruptible: the caller's bytes are written and applied, so it must learn their fate
      while (durable < position && failure == null && !stopped) {
        forced.awaitUninterruptibly();
      }
      if (durable >= position) {
        return;
      }
      if (failure != null) {
        throw new IOException(
            name + " could not be forced to disk: " + failure.getMessage(), failure);
      }
      throw new IOException(name + " was closed before it was forced to disk");
    } finally {
      lock.unlock();
    }
  }

  /** The position up to which everything is known to be on disk. */
  long durable() {
    lock.lock();
    try {
      return durable;
    } finally {
      lock.unlock();
    }
  }

  /** True once a force failed: what was written after the last good force may not be on disk. */
  boolean failed() {
    lock.lock();
    try {
      return failure != null;
    } finally {
      lock.unlock();
    }
  }

  /** Forces what callers are waiting for, then stops the thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      asked.signal();
    } finally {
      lock.unlock();
    }
    try {
      if (!forcer.join(Duration.ofSeconds(CLOSE_WAIT_SECONDS))) {
        throw new IllegalStateException(
            name + ": the last force did not finish within " + CLOSE_WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (forceWhatIsAsked()) {
        // next batch
      }
    } finally {
      lock.lock();
      try {
        stopped = true;
        forced.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** One force covering everything written; false when the thread should stop. */
  private boolean forceWhatIsAsked() {
    lock.lock();
    try {
      while (requested <= durable && !closing) {
        asked.awaitUninterruptibly();
      }
      if (requested <= durable) {
        return false; // closing, and nobody waits
      }
    } finally {
      lock.unlock();
    }
    // everything written by now, which covers every position asked for so far
    long end = target.written();
    IOException error = null;
    try {
      target.force();
    } catch (IOException e) {
      error = e;
    } catch (RuntimeException e) {
      error = new IOException(e.toString(), e);
    }
    lock.lock();
    try {
      if (error == null) {
        durable = Math.max(durable, end);
      } else {
        failure = error;
      }
      forced.signalAll();
      return error == null;
    } finally {
      lock.unlock();
    }
  }
}
