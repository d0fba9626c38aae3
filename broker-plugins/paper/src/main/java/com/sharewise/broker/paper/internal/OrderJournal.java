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
 * <p>{@link #append} writes the events and returns the position they end at; {@link #sync} returns
 * once everything before a position is on disk, so the caller reports and returns what it applied
 * only once it would survive a crash. The forces are shared ({@link GroupForce}): the adapter
 * appends under its lock and syncs after releasing it, so orders placed while one force runs are
 * made durable together by the next. A last line torn by a crash mid-write (no newline) is dropped
 * on open; any other unreadable line stops the open, because skipping it could lose an order or
 * fill it twice. The file is locked while open, so two adapters never write one book. {@link
 * #append} is not thread-safe (the adapter serialises it); {@link #sync}, {@link #written} and
 * {@link #durable} may be called from any thread.
 *
 * <p>A new file starts with a comment naming its format (2 since fills carry charges and orders can
 * be modified and triggered); the reader accepts every line of format 1 as well, so a book written
 * by an older paper broker opens unchanged and simply grows format-2 lines.
 */
final class OrderJournal implements Journal {

  static final String FILE_NAME = "orders.journal";
  private static final long PREALLOCATION = 1 << 20;
  private static final String HEADER = "# ShareWise paper broker order journal, format 2\n";

  /** How the file is forced to disk; replaced in tests to make a force fail. */
  interface Forcing {
    Forcing DATA = channel -> channel.force(false);

    void force(FileChannel channel) throws IOException;
  }

  private final Path file;
  private final FileChannel channel;
  private final Forcing forcing;
  // written by the adapter's thread under its lock, read by syncing threads
  private volatile long end;
  private volatile boolean intact = true;
  private GroupForce forces;
  private boolean preallocate;
  // the file's length: zeros after end, written ahead when forcing (see extend)
  private long allocated;

  private OrderJournal(Path file, FileChannel channel, Forcing forcing) {
    this.file = file;
    this.channel = channel;
    this.forcing = forcing;
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
    return open(directory, replay, force ? Forcing.DATA : null);
  }

  /**
   * {@link #open(Path, Consumer, boolean)} with the way the file is forced ({@code null}: never).
   */
  static OrderJournal open(Path directory, Consumer<OrderEvent> replay, Forcing forcing)
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
      OrderJournal journal = new OrderJournal(file, channel, forcing);
      journal.replay(replay);
      if (forcing != null) {
        forcing.force(channel); // the header of a new file, and a torn line's removal
        journal.forces = new GroupForce(file.toString(), journal.target(), journal.end);
        journal.preallocate = true;
      }
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes {@code events} after the ones before and returns the position they end at; they are on
   * disk once {@link #sync} of that position returns. On a failed write the file is cut back to
   * where it was, so it still matches what the caller has applied; if even that fails the journal
   * is no longer {@link #isIntact() intact} and refuses further appends.
   */
  @Override
  public long append(List<OrderEvent> events) throws IOException {
    if (!isIntact()) {
      throw new IOException(file + " failed during an earlier write or force");
    }
    StringBuilder text = new StringBuilder();
    events.forEach(event -> text.append(OrderEvent.format(event)).append('\n'));
    write(text.toString());
    return end;
  }

  /**
   * Returns once everything before {@code position} is on disk (at once when opened without
   * forcing). Callers waiting at the same time share one force.
   *
   * @throws IOException when the force failed or the journal closed first: whether those events are
   *     on disk is not known, and the journal refuses further appends
   */
  @Override
  public void sync(long position) throws IOException {
    if (forces != null) {
      forces.await(position);
    }
  }

  @Override
  public long written() {
    return end;
  }

  @Override
  public long durable() {
    return forces == null ? end : forces.durable();
  }

  @Override
  public boolean forcesToDisk() {
    return forces != null;
  }

  /**
   * False once a failed append could not be undone or a force failed: the file may hold events
   * memory does not, or miss events memory has.
   */
  @Override
  public boolean isIntact() {
    return intact && (forces == null || !forces.failed());
  }

  /** Forces what callers still wait for, then closes the file. */
  @Override
  public void close() throws IOException {
    try {
      if (forces != null) {
        forces.close();
      }
      if (intact && allocated > end) {
        channel.truncate(end); // the zeros written ahead; an open after a crash drops them too
      }
    } finally {
      channel.close();
    }
  }

  private GroupForce.Target target() {
    return new GroupForce.Target() {
      @Override
      public long written() {
        return end;
      }

      @Override
      public void force() throws IOException {
        forcing.force(channel);
      }
    };
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
    allocated = complete;
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

  /**
   * Writes zeros ahead of the journal, so that later appends land inside the file: forcing them
   * then flushes only their data, not the file's new length, which on a journaling file system
   * would wait for a metadata commit shared with every other writer of the disk. The zeros are
   * never read as events: an open drops everything after the last complete line, and {@link #close}
   * cuts them off.
   */
  private void extend(long needed) throws IOException {
    long from = Math.max(allocated, end); // never over what is written
    long target = (needed / PREALLOCATION + 1) * PREALLOCATION;
    ByteBuffer zeros = ByteBuffer.allocate(Math.toIntExact(target - from));
    long position = from;
    while (zeros.hasRemaining()) {
      position += channel.write(zeros, position);
    }
    allocated = target;
  }

  private void write(String text) throws IOException {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(text);
    long start = end;
    long position = start;
    try {
      if (preallocate && start + buffer.remaining() > allocated) {
        extend(start + buffer.remaining());
      }
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      allocated = Math.max(allocated, position);
      end = position; // published only once complete: a force started now covers all of it
    } catch (IOException e) {
      try {
        channel.truncate(start);
        allocated = start;
      } catch (IOException truncate) {
        intact = false;
        e.addSuppressed(truncate);
      }
      throw e;
    }
  }
}
