package com.sharewise.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridIT {

  @Test
  void aValueWrittenOnOneMemberIsReadOnTheOther() throws IOException {
    int portA = freePort();
    int portB = freePort();
    String a = "127.0.0.1:" + portA;
    String b = "127.0.0.1:" + portB;
    try (Grid first = Grid.start(new GridConfig("grid-it", "127.0.0.1", portA, List.of(a, b)));
        Grid second = Grid.start(new GridConfig("grid-it", "127.0.0.1", portB, List.of(a, b)))) {
      first.hazelcast().getMap("quotes").put("NSE:INFY", "1523.45");

      assertThat(second.hazelcast().<String, String>getMap("quotes").get("NSE:INFY"))
          .isEqualTo("1523.45");
      assertThat(first.health().members()).containsExactlyInAnyOrder(a, b);
      assertThat(second.health().up()).isTrue();
    }
  }

  @Test
  void aBusyPortFailsStartUpNamingTheAddress() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      assertThatThrownBy(
              () -> Grid.start(new GridConfig("grid-it-busy", "127.0.0.1", port, List.of())))
          .isInstanceOf(GridException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void healthIsDownAfterClose() throws IOException {
    Grid grid = Grid.start(new GridConfig("grid-it-close", "127.0.0.1", freePort(), List.of()));
    grid.close();
    assertThat(grid.health().up()).isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
