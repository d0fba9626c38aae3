package com.sharewise.node.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sharewise.grid.GridConfig;
import com.sharewise.pluginhost.PluginHostConfig;
import com.sharewise.server.HttpServerConfig;
import com.sharewise.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code conf/sharewise.yaml}, applies {@code SHAREWISE_*} environment overrides and
 * validates everything at once, so an operator sees every mistake in one message.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param home installation folder; relative paths resolve against it
   * @param file the YAML file; a missing file means "all defaults"
   * @param env the environment (pass {@code System.getenv()})
   * @throws ConfigException listing every problem
   */
  public static NodeConfig load(Path home, Path file, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, String> fromFile = readYaml(file, problems);
    Map<String, Setting> known =
        Settings.ALL.stream()
            .collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> a, LinkedHashMap::new));
    for (String key : fromFile.keySet()) {
      if (!known.containsKey(key)) {
        problems.add(
            "unknown setting '"
                + key
                + "' in "
                + file
                + "; known settings: "
                + String.join(", ", known.keySet()));
      }
    }
    ResolvedSettings resolved = new ResolvedSettings(fromFile, env, file);
    Values values = new Values(resolved, problems);
    Path root = home.toAbsolutePath().normalize();
    Path data = values.path(Settings.DATA_DIR, root);
    HttpServerConfig http =
        values.build(
            () ->
                new HttpServerConfig(
                    values.text(Settings.HTTP_HOST),
                    values.integer(Settings.HTTP_PORT, 0, 65535),
                    Duration.ofSeconds(values.integer(Settings.HTTP_STOP_TIMEOUT, 0, 600))));
    String dbUrl = values.text(Settings.DB_URL);
    if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
      problems.add(
          values.describe(Settings.DB_URL)
              + " must start with jdbc:postgresql:, got '"
              + dbUrl
              + "'");
    }
    StoreConfig store =
        values.build(
            () ->
                new StoreConfig(
                    dbUrl.isEmpty() ? null : dbUrl,
                    values.text(Settings.DB_USER),
                    values.text(Settings.DB_PASSWORD),
                    data,
                    values.integer(Settings.DB_POOL_SIZE, 1, 200),
                    Duration.ofSeconds(10)));
    GridConfig grid =
        values.build(
            () ->
                new GridConfig(
                    values.text(Settings.CLUSTER_NAME),
                    values.text(Settings.CLUSTER_BIND),
                    values.integer(Settings.CLUSTER_PORT, 1, 65535),
                    values.members(Settings.CLUSTER_MEMBERS)));
    PluginHostConfig plugins =
        values.build(
            () ->
                new PluginHostConfig(
                    values.path(Settings.PLUGINS_DIR, root),
                    data.resolve("felix-cache"),
                    values.path(Settings.SYSTEM_BUNDLES_DIR, root),
                    Duration.ofSeconds(30)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new NodeConfig(root, data, http, store, grid, plugins, resolved);
  }

  private static Map<String, String> readYaml(Path file, List<String> problems) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (file == null || !Files.exists(file)) {
      return flat;
    }
    try {
      JsonNode tree = new YAMLMapper().readTree(file.toFile());
      if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
        if (!tree.isObject()) {
          problems.add(file + " must hold a mapping of settings");
        } else {
          flatten("", tree, flat);
        }
      }
    } catch (JacksonException e) {
      problems.add(file + " is not valid YAML: " + e.getOriginalMessage() + location(e));
    } catch (IOException e) {
      problems.add("cannot read " + file + ": " + e.getMessage());
    }
    return flat;
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      out));
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      out.put(prefix, String.join(",", items));
    } else {
      out.put(prefix, node.isNull() ? "" : node.asText());
    }
  }

  /** Reads typed values and collects each problem instead of stopping at the first. */
  private static final class Values {
    private final ResolvedSettings settings;
    private final List<String> problems;

    Values(ResolvedSettings settings, List<String> problems) {
      this.settings = settings;
      this.problems = problems;
    }

    String text(Setting setting) {
      return settings.text(setting);
    }

    int integer(Setting setting, int min, int max) {
      try {
        return settings.integer(setting, min, max);
      } catch (ConfigException e) {
        problems.add(e.problems().get(0));
        return min;
      }
    }

    Path path(Setting setting, Path root) {
      return settings.path(setting, root);
    }

    List<String> members(Setting setting) {
      List<String> members = settings.list(setting);
      for (String member : members) {
        int colon = member.lastIndexOf(':');
        boolean valid =
            colon > 0
                && colon < member.length() - 1
                && member.substring(colon + 1).chars().allMatch(Character::isDigit);
        if (!valid) {
          problems.add(describe(setting) + " lists '" + member + "', which is not host:port");
        }
      }
      return members;
    }

    /** Builds a part's config, turning its own validation errors into problems. */
    <T> T build(java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return null;
      }
    }

    String describe(Setting setting) {
      return settings.describe(setting);
    }
  }
}
