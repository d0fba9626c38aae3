package com.sharewise.grid;

import java.util.List;
import java.util.Objects;

/**
 * How this node joins the Hazelcast cluster.
 *
 * @param clusterName members only join a cluster of the same name
 * @param bindAddress the interface the member listens on and advertises; loopback by default so a
 *     single node never talks to the network
 * @param port the member port; no auto-increment, so a busy port fails start-up clearly
 * @param members other members as {@code host:port}; empty for a single node
 */
public record GridConfig(String clusterName, String bindAddress, int port, List<String> members) {
  public GridConfig {
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(bindAddress, "bindAddress");
    members = members == null ? List.of() : List.copyOf(members);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("cluster port must be 1..65535, got " + port);
    }
  }
}
