package com.sharewise.rules.internal;

import com.sharewise.pluginhost.PluginEvent;
import com.sharewise.pluginhost.PluginHost;
import com.sharewise.pluginhost.PluginInfo;
import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.PluginRuleSet;
import com.sharewise.rules.RuleKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule resources shipped by plugins ({@code OSGI-INF/rules/<kind>/*.drl}), checked with the same
 * restrictions as a risk officer's DRL and compiled against the fact model. Accepted files join
 * their kind's active knowledge base; when a plugin is installed, updated or removed, the kinds it
 * touches are rebuilt. Thread-safe.
 */
public final class PluginRules {

  /** Where a plugin puts its rule files. */
  public static final String FOLDER = "OSGI-INF/rules";

  private static final Logger LOG = LoggerFactory.getLogger(PluginRules.class);

  private record State(PluginRuleSet description, Map<RuleKind, List<RuleSource>> sources) {}

  private final PluginHost host;
  private final DrlCompiler compiler;
  private final Map<String, State> byPlugin = new ConcurrentHashMap<>();
  private volatile Consumer<Set<RuleKind>> rebuild = kinds -> {};

  public PluginRules(PluginHost host, DrlCompiler compiler) {
    this.host = host;
    this.compiler = compiler;
  }

  /** Reads every running plugin's rules, then follows plugin changes. */
  public void start(Consumer<Set<RuleKind>> rebuildKinds) {
    for (PluginInfo plugin : host.plugins()) {
      refresh(plugin.id());
    }
    this.rebuild = rebuildKinds;
    host.addListener(this::changed);
  }

  private void changed(PluginEvent event) {
    String id = event.plugin().id();
    Set<RuleKind> touched = EnumSet.noneOf(RuleKind.class);
    State before = byPlugin.get(id);
    if (before != null) {
      touched.addAll(before.description().kinds());
    }
    if (event.type() == PluginEvent.Type.UNINSTALLED) {
      byPlugin.remove(id);
    } else {
      refresh(id);
    }
    State after = byPlugin.get(id);
    if (after != null) {
      touched.addAll(after.description().kinds());
    }
    if (!touched.isEmpty()) {
      rebuild.accept(touched);
    }
  }

  /** Re-reads one plugin's rule files. */
  void refresh(String pluginId) {
    Map<String, byte[]> files;
    try {
      files = host.resources(pluginId, FOLDER, "*.drl");
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("plugin", pluginId)
          .log("cannot read rule files: {}", e.getMessage());
      byPlugin.remove(pluginId);
      return;
    }
    if (files.isEmpty()) {
      byPlugin.remove(pluginId);
      return;
    }
    Map<RuleKind, List<RuleSource>> sources = new TreeMap<>();
    List<DrlProblem> problems = new ArrayList<>();
    files.forEach(
        (path, bytes) -> {
          String name = pluginId + "/" + path;
          String[] parts = path.substring(FOLDER.length() + 1).split("/");
          try {
            RuleKind kind = RuleKind.parse(parts.length > 1 ? parts[0] : "signal");
            sources
                .computeIfAbsent(kind, k -> new ArrayList<>())
                .add(new RuleSource(name, new String(bytes, StandardCharsets.UTF_8)));
          } catch (IllegalArgumentException e) {
            problems.add(
                DrlProblem.error(
                    name,
                    0,
                    0,
                    "rule files go in "
                        + FOLDER
                        + "/<kind>/ with kind one of "
                        + RuleKind.validKinds()));
          }
        });
    for (Map.Entry<RuleKind, List<RuleSource>> entry : sources.entrySet()) {
      CompileResult alone =
          compiler.compile(entry.getKey(), 0, 0, "", entry.getValue(), List.of(pluginId));
      problems.addAll(alone.errors());
    }
    boolean accepted = problems.isEmpty();
    if (!accepted) {
      LOG.atWarn().addKeyValue("plugin", pluginId).log("plugin rule files refused: {}", problems);
    }
    byPlugin.put(
        pluginId,
        new State(
            new PluginRuleSet(
                pluginId,
                List.copyOf(files.keySet()),
                List.copyOf(sources.keySet()),
                accepted,
                List.copyOf(problems)),
            accepted ? sources : Map.of()));
  }

  /** The accepted plugin files of {@code kind}. */
  public List<RuleSource> sources(RuleKind kind) {
    List<RuleSource> all = new ArrayList<>();
    byPlugin.values().stream()
        .sorted(java.util.Comparator.comparing(s -> s.description().pluginId()))
        .forEach(s -> all.addAll(s.sources().getOrDefault(kind, List.of())));
    return all;
  }

  /** Ids of the plugins whose files of {@code kind} are accepted. */
  public List<String> plugins(RuleKind kind) {
    return byPlugin.values().stream()
        .filter(s -> s.sources().containsKey(kind))
        .map(s -> s.description().pluginId())
        .sorted()
        .toList();
  }

  public List<PluginRuleSet> all() {
    return byPlugin.values().stream()
        .map(State::description)
        .sorted(java.util.Comparator.comparing(PluginRuleSet::pluginId))
        .toList();
  }
}
