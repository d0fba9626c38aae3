/**
 * The plugin host: an embedded OSGi framework (Apache Felix) that runs plugin bundles.
 *
 * <p>{@link com.sharewise.pluginhost.PluginHost} is the facade the rest of the platform uses: it
 * boots the framework, exports only the SPI (with ta4j and SLF4J) to bundles, watches the plugins
 * folder, installs, updates and removes plugins at run time and gives whiteboard access to the
 * services plugins register ({@link com.sharewise.pluginhost.PluginHost#track}). Everything in
 * {@code .internal} is implementation.
 */
package com.sharewise.pluginhost;
