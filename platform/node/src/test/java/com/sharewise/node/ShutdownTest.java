package com.sharewise.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.node.internal.Shutdown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void closesInReverseOrderOfStartingAndKeepsGoingPastFailures() {
    List<String> closed = new ArrayList<>();
    Shutdown shutdown = new Shutdown();
    shutdown.add("store", () -> closed.add("store"));
    shutdown.add(
        "grid",
        () -> {
          closed.add("grid");
          throw new IllegalStateException("grid refused to stop");
        });
    shutdown.add("http", () -> closed.add("http"));

    shutdown.close();

    assertThat(closed).containsExactly("http", "grid", "store");
  }
}
