package com.sharewise.broker.paper.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The durable side of the paper order book: an append-only text file of {@link OrderEvent}s in the
 * adapter's state directory, replayed when an adapter is created.
 *
 * <p>{@link #append} writes and forces the events to disk before returning, so the caller applies
 * and reports them only once they would survive a crash. A last line torn by a crash mid-write (no
 * newline) is dropped on open; any other unreadable line stops the open, because skipping it could
 * lose an order or fill it twice. The file is locked while open, so two adapters never write one
 * book. Not thread-safe: the adapter serialises all calls.
 *
 * <p>A new file starts with a comment naming its format (2 since fills carry charges and orders can
 * be modified and triggered); the reader accepts every line of format 1 as well, so a book written
 * by an older paper broker opens unchanged and simply grows format-2 lines.
 */
final class OrderJournal implements Journal {

  static final String FILE_NAME = "orders.journal";
  private static final String HEADER = "# ShareWise paper broker order journal, format 2\n";

  private final Path file;
  private final FileChannel channel;
  private final boolean force;
  private long end;
  private boolean intact = true;

  private OrderJournal(Path file, FileChannel channel, boolean force) {
    this.file = file;
    this.channel = channel;
    this.force = force;
  }

  /**
   * Opens (or creates) the journal in {@code directory} and hands every recorded event to {@code
   * replay}, oldest first.
   *
   * @param force whether {@link #append} forces each write to disk (false: left to the OS, for
   *     books that are thrown away, such as a backtest's)
   * @throws IOException when the file cannot be read, is locked by another adapter, or holds a line
   *     that cannot be replayed; the message names the file and line
   */
  static OrderJournal open(Path directory, Consumer<OrderEvent> replay, boolean force)
      throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(file + " is in use by another paper broker adapter");
      }
      OrderJournal journal = new OrderJournal(file, channel, force);
      journal.replay(replay);
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Appends {@code events} and forces them to disk (unless opened without forcing). On failure the
   * file is cut back to where it was, so it still matches what the caller has applied; if even that
   * fails the journal is no longer {@link #isIntact() intact} and refuses further appends.
   */
  @Override
  public void append(List<OrderEvent> events) throws IOException {
    if (!intact) {
      throw new IOException(file + " failed half-way through an earlier write");
    }
    StringBuilder text = new StringBuilder();
    events.forEach(event -> text.append(OrderEvent.format(event)).append('\n'));
    write(text.toString());
  }

  /** False once a failed append could not be undone: the file may hold events memory does not. */
  @Override
  public boolean isIntact() {
    return intact;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void replay(Consumer<OrderEvent> replay) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    int read = 0;
    while (content.hasRemaining() && read >= 0) {
      read = channel.read(content, content.position());
    }
    byte[] bytes = content.array();
    int complete = bytes.length;
    while (complete > 0 && bytes[complete - 1] != '\n') {
      complete--;
    }
    if (complete < bytes.length) {
      channel.truncate(complete);
    }
    end = complete;
    String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      try {
        replay.accept(OrderEvent.parse(lines[i]));
      } catch (RuntimeException e) {
        throw new IOException(
            file + " line " + (i + 1) + " cannot be replayed (" + e.getMessage() + ")", e);
      }
    }
    if (end == 0) {
      write(HEADER);
    }
  }

  private void write(String text) throws IOException {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(text);
    long start = end;
    try {
      while (buffer.hasRemaining()) {
        end += channel.write(buffer, end);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      end = start;
      try {
        channel.truncate(start);
      } catch (IOException truncate) {
        intact = false;
        e.addSuppressed(truncate);
      }
      throw e;
    }
  }
}
