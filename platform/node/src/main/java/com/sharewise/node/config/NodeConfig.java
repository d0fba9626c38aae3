package com.sharewise.node.config;

import com.sharewise.grid.GridConfig;
import com.sharewise.pluginhost.PluginHostConfig;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.store.StoreConfig;
import java.nio.file.Path;

/**
 * The node's validated configuration, already split into each part's own config. Paths are
 * absolute.
 *
 * @param home the installation folder relative paths were resolved against
 * @param dataDirectory where the node keeps its state
 * @param http the HTTP server
 * @param store the database
 * @param grid the cluster member
 * @param plugins the plugin host
 * @param settings every setting's value, for areas that read their own settings
 */
public record NodeConfig(
    Path home,
    Path dataDirectory,
    HttpServerConfig http,
    StoreConfig store,
    GridConfig grid,
    PluginHostConfig plugins,
    ResolvedSettings settings) {}
