package com.sharewise.node.config;

import com.sharewise.node.internal.BacktestsPart;
import com.sharewise.node.internal.MarketDataPart;
import com.sharewise.node.internal.MetricsPart;
import com.sharewise.node.internal.OrdersPart;
import com.sharewise.node.internal.RulesPart;
import com.sharewise.node.internal.SecurityPart;
import com.sharewise.node.internal.StrategiesPart;
import java.util.List;

/** Every setting the node reads, in one place (the operations guide lists the same table). */
public final class Settings {

  public static final Setting HTTP_HOST =
      new Setting(
          "http.host",
          "SHAREWISE_HTTP_HOST",
          "127.0.0.1",
          false,
          "interface the HTTP server binds");
  public static final Setting HTTP_PORT =
      new Setting(
          "http.port", "SHAREWISE_HTTP_PORT", "8080", false, "HTTP port (0 = any free port)");
  public static final Setting HTTP_STOP_TIMEOUT =
      new Setting(
          "http.stopTimeoutSeconds",
          "SHAREWISE_HTTP_STOP_TIMEOUT_SECONDS",
          "10",
          false,
          "how long shutdown waits for requests in flight");
  public static final Setting DATA_DIR =
      new Setting(
          "data.dir",
          "SHAREWISE_DATA_DIR",
          "data",
          false,
          "data folder (embedded PostgreSQL, plugin cache, logs); relative to the installation");
  public static final Setting DB_URL =
      new Setting(
          "db.url",
          "SHAREWISE_DB_URL",
          "",
          false,
          "JDBC URL of an external PostgreSQL; unset = embedded PostgreSQL in the data folder");
  public static final Setting DB_USER =
      new Setting("db.user", "SHAREWISE_DB_USER", "", false, "database user (external database)");
  public static final Setting DB_PASSWORD =
      new Setting(
          "db.password",
          "SHAREWISE_DB_PASSWORD",
          "",
          true,
          "database password (external database)");
  public static final Setting DB_POOL_SIZE =
      new Setting(
          "db.poolSize", "SHAREWISE_DB_POOL_SIZE", "10", false, "maximum database connections");
  public static final Setting CLUSTER_NAME =
      new Setting(
          "cluster.name",
          "SHAREWISE_CLUSTER_NAME",
          "sharewise",
          false,
          "nodes only join a cluster of the same name");
  public static final Setting CLUSTER_BIND =
      new Setting(
          "cluster.bind",
          "SHAREWISE_CLUSTER_BIND",
          "127.0.0.1",
          false,
          "interface the cluster member binds and advertises");
  public static final Setting CLUSTER_PORT =
      new Setting("cluster.port", "SHAREWISE_CLUSTER_PORT", "5710", false, "cluster member port");
  public static final Setting CLUSTER_MEMBERS =
      new Setting(
          "cluster.members",
          "SHAREWISE_CLUSTER_MEMBERS",
          "",
          false,
          "comma-separated host:port of all members; unset = single node");
  public static final Setting PLUGINS_DIR =
      new Setting(
          "plugins.dir",
          "SHAREWISE_PLUGINS_DIR",
          "plugins",
          false,
          "plugin drop folder, watched for jars; relative to the installation");
  public static final Setting SYSTEM_BUNDLES_DIR =
      new Setting(
          "plugins.systemBundlesDir",
          "SHAREWISE_SYSTEM_BUNDLES_DIR",
          "lib/system-bundles",
          false,
          "OSGi bundles the plugin host starts first (Declarative Services)");

  /** The core's settings, in documentation order. */
  public static final List<Setting> CORE =
      List.of(
          HTTP_HOST,
          HTTP_PORT,
          HTTP_STOP_TIMEOUT,
          DATA_DIR,
          DB_URL,
          DB_USER,
          DB_PASSWORD,
          DB_POOL_SIZE,
          CLUSTER_NAME,
          CLUSTER_BIND,
          CLUSTER_PORT,
          CLUSTER_MEMBERS,
          PLUGINS_DIR,
          SYSTEM_BUNDLES_DIR);

  /**
   * Every setting the node accepts: the core's, then each area's own list (an area declares its
   * settings in its own class and adds the list here). Unknown keys in the file are errors.
   */
  public static final List<Setting> ALL =
      concat(
          CORE,
          SecurityPart.SETTINGS,
          MetricsPart.SETTINGS,
          RulesPart.SETTINGS,
          MarketDataPart.SETTINGS,
          OrdersPart.SETTINGS,
          StrategiesPart.SETTINGS,
          BacktestsPart.SETTINGS);

  private Settings() {}

  @SafeVarargs
  private static List<Setting> concat(List<Setting>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
