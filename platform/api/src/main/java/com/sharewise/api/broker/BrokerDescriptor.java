package com.sharewise.api.broker;

import com.sharewise.api.param.ParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a broker plugin to users and to the platform.
 *
 * @param id stable identifier used in account bindings, e.g. {@code paper} or {@code kite}
 * @param name display name, e.g. {@code Zerodha Kite Connect}
 * @param capabilities what the adapter supports
 * @param settings the per-account settings it needs (API keys, slippage…); the platform stores
 *     values of settings whose name ends in {@code Secret} or {@code Password} encrypted and never
 *     shows them again
 */
public record BrokerDescriptor(
    String id, String name, Set<BrokerCapability> capabilities, List<ParameterSpec> settings) {
  public BrokerDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    capabilities = Set.copyOf(capabilities);
    settings = List.copyOf(settings);
  }
}
