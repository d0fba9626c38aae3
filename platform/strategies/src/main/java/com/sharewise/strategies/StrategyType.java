package com.sharewise.strategies;

import com.sharewise.api.strategy.StrategyDescriptor;

/**
 * An installed strategy type: a plugin's strategy factory as traders choose it.
 *
 * @param descriptor what it is and which parameters it takes
 * @param pluginId the plugin that provides it
 * @param pluginVersion that plugin's version
 */
public record StrategyType(StrategyDescriptor descriptor, String pluginId, String pluginVersion) {}
