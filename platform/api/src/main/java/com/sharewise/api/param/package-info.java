/**
 * Typed parameters that strategies, indicators and brokers declare, and the platform validates.
 *
 * <p>A plugin declares {@link com.sharewise.api.param.ParameterSpec}s; the platform shows them to
 * users, validates user input against them with {@link com.sharewise.api.param.Parameters#resolve},
 * and hands the plugin a {@link com.sharewise.api.param.Parameters} whose values are guaranteed
 * present and in range.
 */
@Export
@Version("1.0.0")
package com.sharewise.api.param;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
