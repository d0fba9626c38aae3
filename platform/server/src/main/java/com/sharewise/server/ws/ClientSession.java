package com.sharewise.server.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: its subscriptions, its {@link ConflationQueue}, and the sender that
 * drains the queue with at most one write outstanding.
 *
 * <p>The sender runs on a fan-out thread. It polls a message, starts an asynchronous write and,
 * when the write completes at once (the usual case: the socket had room), goes on to the next; when
 * it does not, it returns and the write's completion resumes it. So a client that does not read
 * holds one message in flight and, per key, one newest value; nothing else piles up.
 *
 * <p>Messages are queued as UTF-8 text already encoded: a value published to many clients is
 * encoded once and the same bytes are written to each of them, as a text frame handed straight to
 * Jetty's frame layer ({@link CoreSession}), without a per-client copy or re-encoding.
 *
 * <p>Public only because Jetty calls the listener methods through a public lookup; it is not for
 * use outside the hub (its constructor is package-private).
 */
public final class ClientSession implements Session.Listener.AutoDemanding {

  private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

  /** Subscriptions by (channel, key). */
  record TopicId(String channel, String key) {}

  private final WebSocketHub hub;

  /** Replaced when the client sends a fresh token ({@code auth}); read by the expiry watchdog. */
  private volatile StreamUser user;

  private final String remote;
  private final ConflationQueue<byte[]> queue;
  private final Map<TopicId, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final WriteCallback write = new WriteCallback();
  private volatile Session session;

  /** The frame layer under {@link #session}: where encoded messages are written. */
  private volatile CoreSession frames;

  /** {@link System#nanoTime} when the outstanding write started; 0 when none is outstanding. */
  private volatile long writeStarted;

  /** When the client first had more than the allowed keys pending; 0 when it has not. */
  private volatile long laggingSince;

  /** Order events a client may have unread before it is disconnected as too slow. */
  static final int MAX_EVENTS_WAITING = 10_000;

  ClientSession(WebSocketHub hub, StreamUser user, String remote, int maxReplies) {
    this.hub = hub;
    this.user = user;
    this.remote = remote;
    this.queue = new ConflationQueue<>(maxReplies);
  }

  StreamUser user() {
    return user;
  }

  /** Who the connection is for from now on (a fresh token with a later expiry). */
  void renew(StreamUser renewed) {
    this.user = renewed;
  }

  /**
   * Closes the connection (code {@value WebSocketHub#TOKEN_EXPIRED}, reason "token expired") when
   * its user's token has expired at {@code now}.
   *
   * @return true if it was closed
   */
  boolean closeIfExpired(Instant now) {
    // not yet open: the next look, once Jetty has opened it, closes it
    if (session == null || closed.get() || !user.expiredAt(now)) {
      return false;
    }
    drop(WebSocketHub.TOKEN_EXPIRED, WebSocketHub.TOKEN_EXPIRED_REASON);
    return true;
  }

  String remote() {
    return remote;
  }

  ConflationQueue<byte[]> queue() {
    return queue;
  }

  Map<TopicId, Subscription> subscriptions() {
    return subscriptions;
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public void onWebSocketOpen(Session session) {
    if (!(session instanceof WebSocketSession jetty)) {
      throw new IllegalStateException(
          "expected Jetty's WebSocket session, got " + session.getClass().getName());
    }
    this.frames = jetty.getCoreSession();
    this.session = session;
    hub.opened(this);
  }

  @Override
  public void onWebSocketText(String text) {
    String reply = hub.handle(this, text);
    if (reply != null) {
      reply(reply);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    LOG.atDebug()
        .addKeyValue("remote", remote)
        .addKeyValue("code", statusCode)
        .addKeyValue("reason", reason)
        .log("websocket closed");
    release();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.atDebug().setCause(cause).addKeyValue("remote", remote).log("websocket error");
    release();
  }

  /**
   * Queues an event that must not be conflated (an order update); a client so far behind that the
   * queue is full is disconnected with a reason rather than silently missing an event.
   */
  void event(byte[] message, boolean sendHere) {
    if (queue.offerEvent(message, MAX_EVENTS_WAITING)) {
      wake(sendHere);
    } else if (!closed.get()) {
      drop(1008, "too slow: order events piled up unread");
    }
  }

  /** Queues a reply (subscribed, error, pong); closes a client that does not read its replies. */
  void reply(String message) {
    if (queue.offerReply(message.getBytes(StandardCharsets.UTF_8))) {
      wake(false);
    } else if (!closed.get()) {
      drop(1008, "too many requests without reading the replies");
    }
  }

  /**
   * Makes sure the sender runs.
   *
   * @param here run an idle sender on this thread (a fan-out thread), else hand it to the pool
   */
  void wake(boolean here) {
    if (!sending.compareAndSet(false, true)) {
      return;
    }
    if (here) {
      drain();
    } else {
      resumeOnPool();
    }
  }

  private void resumeOnPool() {
    try {
      hub.executor().execute(this::drain);
    } catch (RejectedExecutionException e) {
      // the hub is closing; the connection is being closed with it
      sending.set(false);
    }
  }

  /** Sends until the queue is empty or a write is still in progress. Only one thread at a time. */
  private void drain() {
    CoreSession current = frames;
    while (true) {
      byte[] message = closed.get() || current == null ? null : queue.poll();
      if (message == null) {
        sending.set(false);
        // an offer may have slipped in between the empty poll and the flag being cleared
        if (closed.get() || queue.isEmpty() || !sending.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      write.arm();
      writeStarted = System.nanoTime() | 1;
      // a buffer of its own per client (Jetty consumes it as it writes) over the shared bytes
      current.sendFrame(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(message)), write, false);
      if (write.leftPending()) {
        return;
      }
    }
  }

  /**
   * Completion of the one outstanding write. If it completes inside {@code sendText} the sender
   * loop continues; if it completes later, the completion resumes the sender on the pool (never on
   * Jetty's selector thread).
   */
  private final class WriteCallback implements org.eclipse.jetty.util.Callback {
    private static final int PENDING = 0;
    private static final int DONE_INLINE = 1;
    private static final int SENDER_RETURNED = 2;
    private final AtomicInteger state = new AtomicInteger();

    void arm() {
      state.set(PENDING);
    }

    /** Called by the sender after sendText returned: true if the write is still in progress. */
    boolean leftPending() {
      return state.compareAndSet(PENDING, SENDER_RETURNED);
    }

    /** Only flags and a hand-off to the pool: Jetty may complete it on its selector thread. */
    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    @Override
    public void succeeded() {
      writeStarted = 0;
      hub.countDelivered();
      if (!state.compareAndSet(PENDING, DONE_INLINE)) {
        resumeOnPool();
      }
    }

    @Override
    public void failed(Throwable cause) {
      writeStarted = 0;
      LOG.atDebug().setCause(cause).addKeyValue("remote", remote).log("websocket write failed");
      release();
    }
  }

  /**
   * Checks whether the client stays behind; closes it if so.
   *
   * @return true if it was dropped
   */
  boolean dropIfBehind(long now, StreamHubConfig config) {
    long started = writeStarted;
    if (started != 0 && now - started > config.writeTimeout().toNanos()) {
      drop(
          1013,
          "slow consumer: a message was not read within "
              + config.writeTimeout().toSeconds()
              + " s");
      return true;
    }
    int pending = queue.pendingKeys();
    if (pending <= config.maxPendingKeys()) {
      laggingSince = 0;
      return false;
    }
    long since = laggingSince;
    if (since == 0) {
      laggingSince = now | 1;
      return false;
    }
    if (now - since > config.maxLag().toNanos()) {
      drop(
          1013,
          "slow consumer: more than "
              + config.maxPendingKeys()
              + " keys behind for "
              + config.maxLag().toSeconds()
              + " s");
      return true;
    }
    return false;
  }

  /**
   * Closes the connection with a reason. The close frame may be stuck behind unread data, so the
   * connection is cut after the configured grace period in any case.
   */
  void drop(int code, String reason) {
    Session current = session;
    if (!release() || current == null) {
      return;
    }
    LOG.atWarn()
        .addKeyValue("remote", remote)
        .addKeyValue("user", user.name())
        .addKeyValue("code", code)
        .addKeyValue("reason", reason)
        .log("closing websocket client");
    current.close(code, reason, Callback.NOOP);
    hub.scheduler()
        .schedule(
            () -> {
              if (current.isOpen()) {
                current.disconnect();
              }
            },
            hub.config().closeGrace().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Closes at shutdown. */
  void shutdown() {
    Session current = session;
    if (release() && current != null && current.isOpen()) {
      current.close(1001, "server shutting down", Callback.NOOP);
    }
  }

  /**
   * Stops all delivery to this client and forgets its subscriptions.
   *
   * @return true the first time only
   */
  private boolean release() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    queue.close();
    hub.released(this);
    return true;
  }
}
