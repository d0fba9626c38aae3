package com.sharewise.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of {@link StreamFanOutBenchmark}, in a JVM of their own (one process cannot hold
 * 10,000 client and 10,000 server sockets under the 20,000 file limit, and the clients must not
 * share the hub's heap).
 *
 * <p>Each subscriber is a real WebSocket connection (RFC 6455 opening handshake, masked client
 * frames, the server's text frames parsed), but all of them are driven by one selector thread with
 * no per-message allocation, so that on a two-core machine the measuring side takes as little CPU
 * from the hub as possible. A full WebSocket client library spends several times more per message.
 * Every read goes into one shared direct buffer (no copy through a temporary one) and is stamped
 * with {@code System.nanoTime()} as soon as the read returns; only the rare partial frame is kept
 * per connection.
 *
 * <p>Usage: {@code FanOutClients <host> <port> <path> <clients> <first-measured-seq> <last-seq>
 * <samples-file>}. Subscribes every connection to {@code quotes NSE:INFY}; for every data message
 * records its {@code seq} and {@code System.nanoTime()} at receipt minus its {@code sent} (both
 * JVMs read the same monotonic clock); when every connection has had {@code last-seq} (the newest
 * value always arrives, even to a connection that skipped some), writes the (seq, nanos) pairs as
 * little-endian longs and exits.
 */
public final class FanOutClients {

  private static final Logger LOG = LoggerFactory.getLogger(FanOutClients.class);
  private static final byte[] SUBSCRIBE =
      "{\"action\":\"subscribe\",\"channel\":\"quotes\",\"key\":\"NSE:INFY\"}"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SENT = "\"sent\":".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HANDSHAKES = 64;
  private static final int READ_BUFFER_BYTES = 256 * 1024;

  private final long lastSeq;
  private final long firstMeasuredSeq;
  private final long[] samples;
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
  private long cpuAtFirstMeasured;
  private long cpuAtEnd;
  private int recorded;
  private int finished;
  private int handshaking;
  private int opened;

  private FanOutClients(int clients, long firstMeasuredSeq, long lastSeq) {
    this.firstMeasuredSeq = firstMeasuredSeq;
    this.lastSeq = lastSeq;
    this.samples = new long[(int) Math.min(Integer.MAX_VALUE - 8, 2L * clients * (lastSeq + 1))];
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    String path = args[2];
    int clients = Integer.parseInt(args[3]);
    long firstMeasuredSeq = Long.parseLong(args[4]);
    long lastSeq = Long.parseLong(args[5]);
    Path samplesFile = Path.of(args[6]);
    FanOutClients run = new FanOutClients(clients, firstMeasuredSeq, lastSeq);
    try {
      run.drive(server, path, clients);
    } finally {
      run.write(samplesFile);
    }
  }

  /** One connection's state. */
  private static final class Connection {
    /** The bytes of an incomplete frame (or response head) from the last read. */
    final ByteBuffer partial = ByteBuffer.allocate(16 * 1024);

    boolean open;
    boolean done;
  }

  private void drive(InetSocketAddress server, String path, int clients) throws IOException {
    byte[] handshake = handshake(server, path);
    byte[] subscribe = maskedText(SUBSCRIBE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
    int started = 0;
    try (Selector selector = Selector.open()) {
      while (finished < clients && System.nanoTime() < deadline) {
        while (started < clients && handshaking < MAX_HANDSHAKES) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
          channel.connect(server);
          channel.register(selector, SelectionKey.OP_CONNECT, new Connection());
          started++;
          handshaking++;
        }
        try {
          // the action form skips the selected-key set: one call per ready connection
          selector.select(key -> ready(key, handshake, subscribe), 100);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      cpuAtEnd = processCpuNanos();
      LOG.info("{} of {} subscribers had the last quote", finished, clients);
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
    }
  }

  private void ready(SelectionKey key, byte[] handshake, byte[] subscribe) {
    SocketChannel channel = (SocketChannel) key.channel();
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isConnectable()) {
        channel.finishConnect();
        writeFully(channel, handshake);
        key.interestOps(SelectionKey.OP_READ);
      } else if (key.isReadable()) {
        read(channel, connection, subscribe);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(SocketChannel channel, Connection connection, byte[] subscribe)
      throws IOException {
    ByteBuffer in = scratch;
    in.clear();
    if (connection.partial.position() > 0) {
      in.put(connection.partial.flip());
      connection.partial.clear();
    }
    if (channel.read(in) < 0) {
      throw new IOException("the server closed a connection");
    }
    long now = System.nanoTime();
    in.flip();
    if (!connection.open) {
      if (!upgraded(in)) {
        connection.partial.put(in);
        return;
      }
      connection.open = true;
      handshaking--;
      opened++;
      writeFully(channel, subscribe);
      if (opened % 1000 == 0) {
        LOG.info("{} subscribers connected", opened);
      }
    }
    frames(connection, in, now);
    if (in.hasRemaining()) {
      connection.partial.put(in);
    }
  }

  /** Consumes the HTTP response head; true once a 101 was read. */
  private static boolean upgraded(ByteBuffer in) throws IOException {
    for (int i = in.position() + 3; i < in.limit(); i++) {
      if (in.get(i - 3) == '\r'
          && in.get(i - 2) == '\n'
          && in.get(i - 1) == '\r'
          && in.get(i) == '\n') {
        String head = ascii(in, in.position(), i);
        if (!head.startsWith("HTTP/1.1 101")) {
          throw new IOException("upgrade refused: " + head);
        }
        in.position(i + 1);
        return true;
      }
    }
    return false;
  }

  private static String ascii(ByteBuffer in, int from, int to) {
    byte[] bytes = new byte[to - from];
    in.get(from, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** Handles every complete frame in the buffer; leaves its position at a partial one. */
  private void frames(Connection connection, ByteBuffer in, long now) {
    while (in.remaining() >= 2) {
      int start = in.position();
      int opcode = in.get(start) & 0x0F;
      int length = in.get(start + 1) & 0x7F;
      int header = 2;
      if (length == 126) {
        if (in.remaining() < 4) {
          break;
        }
        length = in.getShort(start + 2) & 0xFFFF;
        header = 4;
      } else if (length == 127) {
        if (in.remaining() < 10) {
          break;
        }
        length = (int) in.getLong(start + 2);
        header = 10;
      }
      if (in.remaining() < header + length) {
        break;
      }
      if (opcode == 1) {
        text(connection, in, start + header, start + header + length, now);
      }
      in.position(start + header + length);
    }
  }

  private void text(Connection connection, ByteBuffer bytes, int from, int to, long now) {
    int seqAt = indexOf(bytes, from, to, SEQ);
    int sentAt = indexOf(bytes, from, to, SENT);
    if (seqAt < 0 || sentAt < 0 || connection.done) {
      return; // the "subscribed" reply
    }
    long seq = number(bytes, seqAt + SEQ.length, to);
    long sent = number(bytes, sentAt + SENT.length, to);
    if (seq == firstMeasuredSeq && cpuAtFirstMeasured == 0) {
      cpuAtFirstMeasured = processCpuNanos();
    }
    if (2 * recorded + 1 < samples.length) {
      samples[2 * recorded] = seq;
      samples[2 * recorded + 1] = now - sent;
      recorded++;
    }
    if (seq == lastSeq) {
      connection.done = true;
      finished++;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int indexOf(ByteBuffer bytes, int from, int to, byte[] wanted) {
    outer:
    for (int i = from; i <= to - wanted.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes.get(i + j) != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long number(ByteBuffer bytes, int from, int to) {
    long value = 0;
    for (int i = from; i < to && bytes.get(i) >= '0' && bytes.get(i) <= '9'; i++) {
      value = value * 10 + (bytes.get(i) - '0');
    }
    return value;
  }

  private static byte[] handshake(InetSocketAddress server, String path) {
    byte[] nonce = new byte[16];
    new Random(1).nextBytes(nonce);
    return ("GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A client text frame (clients must mask), for a payload under 126 bytes. */
  private static byte[] maskedText(byte[] payload) {
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }

  private static void writeFully(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private void write(Path file) throws IOException {
    ByteBuffer buffer =
        ByteBuffer.allocate((2 * recorded + 2) * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 2 * recorded; i++) {
      buffer.putLong(samples[i]);
    }
    buffer.putLong(-1);
    buffer.putLong(cpuAtFirstMeasured == 0 ? 0 : cpuAtEnd - cpuAtFirstMeasured);
    buffer.flip();
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
