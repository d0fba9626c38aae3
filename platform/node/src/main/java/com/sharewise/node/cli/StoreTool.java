package com.sharewise.node.cli;

import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import com.sharewise.store.Store;
import com.sharewise.store.StoreException;
import java.io.PrintWriter;

/**
 * Opens the node's database for a command-line tool, with the same configuration the node reads.
 * With the embedded database the node must be stopped (its server is refused to a second owner);
 * with an external one the tool works beside running nodes.
 */
final class StoreTool {
  private StoreTool() {}

  /** The open store, or null after printing why not. */
  static Store open(PrintWriter err) {
    NodeConfig config;
    try {
      config = ConfigLoader.load(Home.get(), Home.configFile(), System.getenv());
    } catch (ConfigException e) {
      err.println("invalid configuration: " + e.getMessage());
      return null;
    }
    try {
      return Store.open(config.store());
    } catch (StoreException e) {
      err.println(
          "cannot open the database: "
              + e.getMessage()
              + (config.store().isEmbedded()
                  ? " (with the embedded database, stop the node first or use the REST API)"
                  : ""));
      return null;
    }
  }
}
