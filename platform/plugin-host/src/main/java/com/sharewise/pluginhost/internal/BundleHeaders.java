package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginKind;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest facts the host needs from a plugin jar, read before the framework sees it.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version {@code Bundle-Version}, normalised ({@code 0.0.0} when absent)
 * @param name {@code Bundle-Name}, or null
 * @param declaredKind {@code ShareWise-Plugin-Kind}, if present and valid
 */
public record BundleHeaders(
    String symbolicName, String version, String name, Optional<PluginKind> declaredKind) {

  /** The manifest header by which a plugin may state its kind. */
  public static final String KIND_HEADER = "ShareWise-Plugin-Kind";

  public BundleHeaders {
    Objects.requireNonNull(symbolicName, "symbolicName");
    Objects.requireNonNull(version, "version");
    declaredKind = declaredKind == null ? Optional.empty() : declaredKind;
  }
}
