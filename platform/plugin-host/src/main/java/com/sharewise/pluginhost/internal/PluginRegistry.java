package com.sharewise.pluginhost.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins the host knows, by id. Written only from the lifecycle thread, read from any thread.
 */
final class PluginRegistry {

  private final Map<String, PluginEntry> byId = new ConcurrentHashMap<>();

  Optional<PluginEntry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<PluginEntry> byFile(String fileName) {
    return byId.values().stream().filter(e -> e.file().equals(fileName)).findFirst();
  }

  void put(PluginEntry entry) {
    byId.put(entry.id(), entry);
  }

  void remove(String id) {
    byId.remove(id);
  }

  List<PluginEntry> all() {
    return List.copyOf(byId.values());
  }

  void clear() {
    byId.clear();
  }
}
