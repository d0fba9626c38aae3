package com.sharewise.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Hazelcast member: the fast shared state (quotes, positions, live order state).
 *
 * <p>Configured for a closed network: no multicast, no cloud auto-detection, no phone-home, members
 * listed one by one over TCP/IP, bound to the configured interface only. Thread-safe.
 */
public final class Grid implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Grid.class);

  private final HazelcastInstance hazelcast;

  private Grid(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /**
   * Starts the local member and joins the configured members (if any are up).
   *
   * @throws GridException naming the address when the member cannot start (port in use…)
   */
  public static Grid start(GridConfig config) {
    try {
      HazelcastInstance instance = Hazelcast.newHazelcastInstance(toHazelcastConfig(config));
      LOG.atInfo()
          .addKeyValue("address", config.bindAddress() + ":" + config.port())
          .addKeyValue("members", instance.getCluster().getMembers().size())
          .log("grid member started");
      return new Grid(instance);
    } catch (RuntimeException e) {
      throw new GridException(
          "cannot start the grid member on "
              + config.bindAddress()
              + ":"
              + config.port()
              + " (set SHAREWISE_CLUSTER_PORT to a free port): "
              + e.getMessage(),
          e);
    }
  }

  static Config toHazelcastConfig(GridConfig config) {
    Config hz = new Config();
    hz.setClusterName(config.clusterName());
    hz.setInstanceName("sharewise-" + config.bindAddress() + "-" + config.port());
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    hz.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(config.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(config.bindAddress());
    network.setPublicAddress(config.bindAddress() + ":" + config.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(config.members());
    if (config.members().isEmpty()) {
      // A lone node need not wait for peers that will never come.
      hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    }
    return hz;
  }

  /** The Hazelcast instance, for the platform's own shared maps and topics. */
  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /** Whether the member runs and which members it sees. */
  public GridHealth health() {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return new GridHealth(false, List.of(), "grid member is not running");
    }
    List<String> members =
        hazelcast.getCluster().getMembers().stream()
            .map(Member::getAddress)
            .map(a -> a.getHost() + ":" + a.getPort())
            .toList();
    return new GridHealth(true, members, members.size() + " member(s)");
  }

  /** Leaves the cluster gracefully so partitions migrate before this member goes. */
  @Override
  public void close() {
    if (hazelcast.getLifecycleService().isRunning()) {
      hazelcast.shutdown();
    }
  }
}
