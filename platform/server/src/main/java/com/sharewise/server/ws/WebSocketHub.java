package com.sharewise.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sharewise.server.JsonMapper;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's WebSocket endpoint ({@code /ws}) and its {@link StreamHub}.
 *
 * <h2>Protocol</h2>
 *
 * JSON text messages both ways. Client → server:
 *
 * <pre>
 * {"action":"subscribe","channel":"quotes","key":"NSE:INFY"}
 * {"action":"subscribe","channel":"bars","instrument":"NSE:INFY","timeframe":"5m"}
 * {"action":"unsubscribe","channel":"quotes","instrument":"NSE:INFY"}
 * {"action":"ping"}
 * {"action":"auth","token":"<a fresh access token>"}
 * </pre>
 *
 * {@code instrument} may stand in for {@code key}; with {@code timeframe} the key is {@code
 * instrument|timeframe}. An optional {@code id} is echoed in the reply. Server → client: {@code
 * {"type":"subscribed"|"unsubscribed","channel":…,"key":…}}, {@code {"type":"data","channel":…,
 * "key":…,"data":{…}}}, {@code {"type":"pong"}} and {@code {"type":"error","message":…}} for
 * invalid JSON, unknown actions or channels, invalid keys, refused or too many subscriptions; the
 * connection stays open after an error.
 *
 * <h2>Expiry</h2>
 *
 * A connection lasts as long as the token it was opened with ({@link StreamUser#expiresAt()}): a
 * watchdog closes it then with code {@value #TOKEN_EXPIRED} and reason "token expired", reading the
 * injected clock. Before that, the client may send a fresh token of the same user ({@code auth});
 * the answer is {@code {"type":"authenticated","expiresAt":…}}, the connection then lasts until the
 * new token expires, and subscriptions the user's roles no longer allow end with {@code
 * {"type":"unsubscribed",…,"reason":…}}. A token that is not accepted gets an error and changes
 * nothing.
 *
 * <h2>Slow clients</h2>
 *
 * Publishing never waits for a client. Each client has a {@link ConflationQueue}: per key only the
 * newest value waits, so a slow client skips intermediate values instead of falling further behind,
 * and at most one write per client is outstanding. A client whose write does not complete within
 * {@link StreamHubConfig#writeTimeout()}, or that has more than {@link
 * StreamHubConfig#maxPendingKeys()} keys waiting for longer than {@link StreamHubConfig#maxLag()},
 * is closed with code 1013 and a reason.
 *
 * <h2>Threads</h2>
 *
 * All public methods are thread-safe. Writes happen on a small pool of fan-out threads; a publish
 * to many subscribers is split across them. {@link #register}, {@link #setAuthenticator} and {@link
 * #setSubscriptionAuthorizer} are meant for start-up but are safe at any time.
 */
public final class WebSocketHub implements StreamHub, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHub.class);
  private static final String ACTIONS = "subscribe, unsubscribe, ping, auth";

  /**
   * Close code for a connection whose token expired (private-use range; 4401 echoes HTTP 401): the
   * client should get a fresh token and connect again.
   */
  public static final int TOKEN_EXPIRED = 4401;

  /** Close reason sent with {@link #TOKEN_EXPIRED}. */
  public static final String TOKEN_EXPIRED_REASON = "token expired";

  /** A registered channel and its topics by canonical key. */
  private record Channel(StreamChannel spec, ConcurrentHashMap<String, Topic> topics) {}

  private final StreamHubConfig config;
  private final Clock clock;
  private final ObjectMapper json = JsonMapper.create();
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor fanOut;
  private final ScheduledExecutorService scheduler;
  private final LongAdder published = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder conflatedByClosed = new LongAdder();
  private final LongAdder droppedSlow = new LongAdder();
  private final String pong;
  private volatile WebSocketAuthenticator authenticator = WebSocketAuthenticator.anonymous();
  private volatile SubscriptionAuthorizer authorizer = SubscriptionAuthorizer.allowAll();
  private volatile boolean closed;

  /** Starts the hub's threads, with the system clock for token expiry. */
  public WebSocketHub(StreamHubConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * Starts the hub's threads. Close it to stop them and close every connection.
   *
   * @param clock what token expiry ({@link StreamUser#expiresAt()}) is compared with
   */
  public WebSocketHub(StreamHubConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fanOut =
        new ThreadPoolExecutor(
            config.fanOutThreads(),
            config.fanOutThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            threads("ws-fanout"));
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("ws-watchdog"));
    timer.setRemoveOnCancelPolicy(true);
    this.scheduler = timer;
    long every = config.checkInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    this.pong = json.createObjectNode().put("type", "pong").toString();
  }

  /**
   * Adds a channel clients may subscribe to.
   *
   * @throws IllegalStateException if a channel of that name is registered already
   */
  public void register(StreamChannel channel) {
    if (channels.putIfAbsent(channel.name(), new Channel(channel, new ConcurrentHashMap<>()))
        != null) {
      throw new IllegalStateException("stream channel '" + channel.name() + "' is registered");
    }
  }

  /** The registered channel names, sorted. */
  public Set<String> channelNames() {
    return new TreeSet<>(channels.keySet());
  }

  /** Sets who may connect (default: everyone, as {@link StreamUser#ANONYMOUS}). */
  public void setAuthenticator(WebSocketAuthenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  /** Sets who may subscribe to what (default: everything). */
  public void setSubscriptionAuthorizer(SubscriptionAuthorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
  }

  /**
   * Serves the WebSocket endpoint at {@code pathSpec} (e.g. {@code /ws}) of {@code context}. Call
   * before the context starts.
   */
  public void mount(ServletContextHandler context, String pathSpec) {
    JettyWebSocketServletContainerInitializer.configure(
        context,
        (servletContext, container) -> {
          container.setIdleTimeout(config.idleTimeout());
          container.setMaxTextMessageSize(config.maxIncomingMessageBytes());
          container.setMaxBinaryMessageSize(config.maxIncomingMessageBytes());
          container.addMapping(pathSpec, this::accept);
        });
  }

  @Override
  public void publish(String channel, String key, Object payload) {
    Channel target = channels.get(channel);
    if (target == null) {
      throw new IllegalArgumentException(
          "stream channel '" + channel + "' is not registered; registered: " + channelNames());
    }
    Topic topic = target.topics().get(key);
    if (target.spec().retainLatest()) {
      if (topic == null) {
        topic = target.topics().computeIfAbsent(key, k -> newTopic(channel, k));
      }
      topic.retain(payload);
    } else if (topic == null) {
      return;
    }
    Subscription[] subscribers = topic.subscribers();
    if (subscribers.length == 0) {
      return;
    }
    byte[] message = topic.message(serialise(payload));
    long version = topic.nextVersion();
    published.increment();
    if (!target.spec().conflate()) {
      // few subscribers per account, and order must be kept: deliver inline
      for (Subscription subscription : subscribers) {
        subscription.deliverInOrder(message, false);
      }
      return;
    }
    if (subscribers.length <= config.inlineFanOut()) {
      for (Subscription subscription : subscribers) {
        subscription.deliver(version, message, false);
      }
      return;
    }
    // Split the fan-out across the pool; each part also runs the senders of idle clients.
    int parts = Math.min(config.fanOutThreads(), subscribers.length / config.inlineFanOut());
    int size = (subscribers.length + parts - 1) / parts;
    for (int from = 0; from < subscribers.length; from += size) {
      int start = from;
      int end = Math.min(subscribers.length, from + size);
      try {
        fanOut.execute(
            () -> {
              for (int i = start; i < end; i++) {
                subscribers[i].deliver(version, message, true);
              }
            });
      } catch (RejectedExecutionException e) {
        return; // closing
      }
    }
  }

  @Override
  public boolean hasSubscribers(String channel, String key) {
    Channel target = channels.get(channel);
    if (target == null) {
      return false;
    }
    Topic topic = target.topics().get(key);
    return topic != null && topic.subscribers().length > 0;
  }

  /** Counters since start. */
  public StreamHubStats stats() {
    long subscriptions = 0;
    long conflated = conflatedByClosed.sum();
    for (ClientSession session : sessions) {
      subscriptions += session.subscriptions().size();
      conflated += session.queue().conflated();
    }
    return new StreamHubStats(
        sessions.size(),
        subscriptions,
        published.sum(),
        delivered.sum(),
        conflated,
        droppedSlow.sum());
  }

  /** Closes every connection (code 1001) and stops the hub's threads. */
  @Override
  public void close() {
    closed = true;
    for (ClientSession session : List.copyOf(sessions)) {
      session.shutdown();
    }
    scheduler.shutdownNow();
    fanOut.shutdown();
    try {
      if (!fanOut.awaitTermination(2, TimeUnit.SECONDS)) {
        fanOut.shutdownNow();
      }
    } catch (InterruptedException e) {
      fanOut.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---- used by ClientSession

  StreamHubConfig config() {
    return config;
  }

  ExecutorService executor() {
    return fanOut;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  void countDelivered() {
    delivered.increment();
  }

  void opened(ClientSession session) {
    sessions.add(session);
    if (closed) {
      session.shutdown();
    }
  }

  /** Forgets a closed client's subscriptions. */
  void released(ClientSession session) {
    sessions.remove(session);
    conflatedByClosed.add(session.queue().conflated());
    for (Subscription subscription : session.subscriptions().values()) {
      unlink(subscription);
    }
    session.subscriptions().clear();
  }

  /**
   * Handles one request from a client.
   *
   * @return the reply to queue, or null when the reply was queued already
   */
  String handle(ClientSession session, String text) {
    JsonNode request;
    try {
      request = json.readTree(text);
    } catch (JsonProcessingException e) {
      return error(null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject()) {
      return error(null, "a request must be a JSON object with an \"action\": " + ACTIONS);
    }
    JsonNode id = request.get("id");
    String action = text(request, "action");
    if (action == null) {
      return error(id, "\"action\" is missing; known actions: " + ACTIONS);
    }
    try {
      return switch (action) {
        case "ping" -> id == null ? pong : reply("pong", id, null, null);
        case "subscribe" -> subscribe(session, request, id);
        case "unsubscribe" -> unsubscribe(session, request, id);
        case "auth" -> reauthenticate(session, request, id);
        default -> error(id, "unknown action '" + action + "'; known actions: " + ACTIONS);
      };
    } catch (RuntimeException e) {
      LOG.atError()
          .setCause(e)
          .addKeyValue("remote", session.remote())
          .addKeyValue("action", action)
          .log("websocket request failed");
      return error(id, "the request failed on the server: " + e.getClass().getSimpleName());
    }
  }

  // ---- internals

  private Object accept(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response)
      throws java.io.IOException {
    if (closed) {
      response.sendError(503, "the node is shutting down");
      return null;
    }
    String remote = address(request.getRemoteSocketAddress());
    HandshakeRequest handshake =
        new HandshakeRequest(
            request.getRequestURI(),
            request.getHeaders(),
            request.getParameterMap(),
            request.getSubProtocols(),
            remote);
    Optional<StreamUser> user;
    try {
      user = authenticator.authenticate(handshake);
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).addKeyValue("remote", remote).log("websocket authenticator failed");
      response.sendError(500, "authentication failed on the server");
      return null;
    }
    if (user == null || user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer");
      response.sendError(401, "authentication required");
      return null;
    }
    // No per-message deflate: compressing each value once per subscriber would multiply the
    // fan-out's CPU cost by the number of clients, for messages of a few hundred bytes.
    response.setExtensions(List.of());
    return new ClientSession(this, user.get(), remote, config.maxControlMessages());
  }

  private String subscribe(ClientSession session, JsonNode request, JsonNode id) {
    Target target = target(request, id);
    if (target.error != null) {
      return target.error;
    }
    String channel = target.channel.spec().name();
    if (!authorizer.mayReceive(session.user(), channel, target.key)) {
      return error(id, "not allowed to subscribe to " + channel + " " + target.key);
    }
    ClientSession.TopicId topicId = new ClientSession.TopicId(channel, target.key);
    if (session.subscriptions().containsKey(topicId)) {
      return reply("subscribed", id, channel, target.key);
    }
    if (session.subscriptions().size() >= config.maxSubscriptionsPerClient()) {
      return error(
          id,
          "too many subscriptions (at most "
              + config.maxSubscriptionsPerClient()
              + " per connection); unsubscribe from some first");
    }
    // Registered before the reply is queued: a client that has read "subscribed" gets every value
    // and event published after it (queuing the reply first let an order event published right
    // after the client saw the reply miss the subscription). Replies are sent before values, so
    // "subscribed" still precedes the latest value below.
    Subscription[] added = new Subscription[1];
    Topic topic =
        target
            .channel
            .topics()
            .compute(
                target.key,
                (key, existing) -> {
                  Topic t = existing != null ? existing : newTopic(channel, key);
                  added[0] = new Subscription(session, t);
                  t.add(added[0]);
                  return t;
                });
    session.subscriptions().put(topicId, added[0]);
    if (session.isClosed()) {
      // closed while subscribing: the release has run already, so undo here
      session.subscriptions().remove(topicId);
      unlink(added[0]);
      return null;
    }
    session.reply(reply("subscribed", id, channel, target.key));
    Object latest = topic.latest();
    if (latest != null) {
      added[0].deliver(topic.currentVersion(), topic.message(serialise(latest)), false);
    }
    return null;
  }

  private String unsubscribe(ClientSession session, JsonNode request, JsonNode id) {
    Target target = target(request, id);
    if (target.error != null) {
      return target.error;
    }
    String channel = target.channel.spec().name();
    Subscription removed =
        session.subscriptions().remove(new ClientSession.TopicId(channel, target.key));
    if (removed != null) {
      unlink(removed);
    }
    return reply("unsubscribed", id, channel, target.key);
  }

  /**
   * Extends the connection with a fresh token of the same user; the subscriptions the user's roles
   * no longer allow end.
   */
  private String reauthenticate(ClientSession session, JsonNode request, JsonNode id) {
    String token = text(request, "token");
    if (token == null || token.isEmpty()) {
      return error(id, "\"token\" is missing: send a fresh access token to extend the connection");
    }
    StreamUser current = session.user();
    Optional<StreamUser> renewed = authenticator.reauthenticate(current, token);
    if (renewed == null || renewed.isEmpty()) {
      return error(
          id,
          "token not accepted (invalid, expired or revoked); the connection still closes when"
              + " the current token expires"
              + (current.expiresAt() == null ? "" : " at " + current.expiresAt()));
    }
    StreamUser user = renewed.get();
    if (!user.authenticated() || !user.name().equals(current.name())) {
      return error(
          id, "the token is for another user; a connection keeps the user it was opened by");
    }
    session.renew(user);
    ObjectNode reply = json.createObjectNode().put("type", "authenticated");
    if (user.expiresAt() != null) {
      reply.put("expiresAt", user.expiresAt().toString());
    }
    if (id != null) {
      reply.set("id", id);
    }
    session.reply(reply.toString());
    for (Map.Entry<ClientSession.TopicId, Subscription> subscribed :
        List.copyOf(session.subscriptions().entrySet())) {
      ClientSession.TopicId topic = subscribed.getKey();
      if (!authorizer.mayReceive(user, topic.channel(), topic.key())
          && session.subscriptions().remove(topic, subscribed.getValue())) {
        unlink(subscribed.getValue());
        ObjectNode ended =
            json.createObjectNode()
                .put("type", "unsubscribed")
                .put("channel", topic.channel())
                .put("key", topic.key())
                .put("reason", "no longer allowed to subscribe to " + topic.channel());
        session.reply(ended.toString());
      }
    }
    return null;
  }

  /** A request's channel and canonical key, or the error to reply. */
  private record Target(Channel channel, String key, String error) {}

  private Target target(JsonNode request, JsonNode id) {
    String name = text(request, "channel");
    if (name == null) {
      return new Target(
          null, null, error(id, "\"channel\" is missing; known channels: " + knownChannels()));
    }
    Channel channel = channels.get(name);
    if (channel == null) {
      return new Target(
          null,
          null,
          error(id, "unknown channel '" + name + "'; known channels: " + knownChannels()));
    }
    String key = text(request, "key");
    if (key == null) {
      String instrument = text(request, "instrument");
      String timeframe = text(request, "timeframe");
      if (instrument != null) {
        key = timeframe == null ? instrument : instrument + "|" + timeframe;
      }
    }
    if (key == null) {
      return new Target(
          null, null, error(id, "\"key\" (or \"instrument\") is missing for channel " + name));
    }
    try {
      return new Target(channel, channel.spec().keys().canonical(key), null);
    } catch (IllegalArgumentException e) {
      return new Target(
          null, null, error(id, "invalid key for channel " + name + ": " + e.getMessage()));
    }
  }

  private void unlink(Subscription subscription) {
    subscription.client.queue().cancel(subscription.slot);
    Topic topic = subscription.topic;
    Channel channel = channels.get(topic.channel);
    if (channel == null) {
      return;
    }
    channel
        .topics()
        .computeIfPresent(
            topic.key,
            (key, existing) -> {
              existing.remove(subscription);
              return existing.isUnused() ? null : existing;
            });
  }

  private Topic newTopic(String channel, String key) {
    ObjectNode prefix = json.createObjectNode();
    prefix.put("type", "data").put("channel", channel).put("key", key).putNull("data");
    String text = prefix.toString();
    // {"type":"data","channel":"quotes","key":"NSE:INFY","data":null} → …,"data":
    return new Topic(
        channel,
        key,
        text.substring(0, text.length() - "null}".length()).getBytes(StandardCharsets.UTF_8));
  }

  /** The payload as UTF-8 JSON, once per value whatever the number of subscribers. */
  private byte[] serialise(Object payload) {
    try {
      return json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialise " + payload.getClass().getName() + " to JSON: " + e.getMessage(), e);
    }
  }

  private String reply(String type, JsonNode id, String channel, String key) {
    ObjectNode reply = json.createObjectNode().put("type", type);
    if (channel != null) {
      reply.put("channel", channel).put("key", key);
    }
    if (id != null) {
      reply.set("id", id);
    }
    return reply.toString();
  }

  private String error(JsonNode id, String message) {
    ObjectNode reply = json.createObjectNode().put("type", "error").put("message", message);
    if (id != null) {
      reply.set("id", id);
    }
    return reply.toString();
  }

  private String knownChannels() {
    return String.join(", ", channelNames());
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /**
   * The watchdog: slow consumers and expired tokens, in one pass over the clients (it runs every
   * {@link StreamHubConfig#checkInterval()} over every connection, so it stays lock-free).
   */
  private void watch() {
    try {
      long nanos = System.nanoTime();
      Instant now = clock.instant();
      for (ClientSession session : sessions) {
        if (session.dropIfBehind(nanos, config)) {
          droppedSlow.increment();
        } else {
          session.closeIfExpired(now);
        }
      }
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("slow-consumer and token expiry check failed");
    }
  }

  /**
   * Closes every connection whose token has expired (the watchdog runs it every {@link
   * StreamHubConfig#checkInterval()}; tests call it after moving their clock).
   *
   * @return how many were closed
   */
  int closeExpired() {
    int closedNow = 0;
    try {
      Instant now = clock.instant();
      for (ClientSession session : sessions) {
        if (session.closeIfExpired(now)) {
          closedNow++;
        }
      }
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("token expiry check failed");
    }
    return closedNow;
  }

  private static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
