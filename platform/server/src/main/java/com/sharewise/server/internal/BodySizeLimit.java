package com.sharewise.server.internal;

import com.sharewise.server.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a JSON or plain-text request body larger than {@link #LIMIT_BYTES} with 413, before
 * anything parses it. Those are the API's structured inputs (orders, rule sets, settings), all a
 * few kilobytes: without a bound one client could make the node parse, and an order journal keep,
 * megabytes per request. File uploads have their own media types (CSV, jars) and their own checks.
 *
 * <p>A declared {@code Content-Length} over the limit is refused at once; a chunked body is counted
 * while it is read and refused when it passes the limit.
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public final class BodySizeLimit implements ContainerRequestFilter {

  /** 1 MiB: hundreds of times the largest structured request the web UI sends. */
  public static final int LIMIT_BYTES = 1 << 20;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !limited(type)) {
      return;
    }
    if (request.getLength() > LIMIT_BYTES) {
      throw tooLarge();
    }
    if (request.getLength() < 0) {
      request.setEntityStream(new Counted(request.getEntityStream()));
    }
  }

  private static boolean limited(MediaType type) {
    return type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        || type.getSubtype().endsWith("+json")
        || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
  }

  static ApiException tooLarge() {
    return new ApiException(
        413,
        "Content too large",
        "the request body is larger than "
            + (LIMIT_BYTES >> 20)
            + " MiB, the limit for JSON and text");
  }

  /** Thrown while reading a chunked body that passed the limit; answered with 413. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("request body over " + LIMIT_BYTES + " bytes");
    }
  }

  /** Counts what is read and fails once the limit is passed. */
  private static final class Counted extends FilterInputStream {
    private long read;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > LIMIT_BYTES) {
        throw new TooLarge();
      }
    }
  }
}
