package com.sharewise.rules.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rule sets ShareWise ships: imported as version 1 of each kind (approved by {@code system},
 * active) when the database has none, together with their scenarios.
 */
public final class DefaultPacks {

  /**
   * One kind's default rule set.
   *
   * @param kind {@code signal}, {@code risk} or {@code workflow}
   * @param drl the rules
   * @param scenariosJson a JSON array of scenarios (name, description, given, expect)
   */
  public record Pack(String kind, String drl, String scenariosJson) {}

  private static final List<String> KINDS = List.of("signal", "risk", "workflow");

  private DefaultPacks() {}

  /** Every default pack, read from this module's resources. */
  public static List<Pack> all() {
    return KINDS.stream()
        .map(kind -> new Pack(kind, read(kind + ".drl"), read(kind + "-scenarios.json")))
        .toList();
  }

  /** One kind's pack. */
  public static Pack of(String kind) {
    return all().stream()
        .filter(p -> p.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no default pack for '" + kind + "'"));
  }

  private static String read(String name) {
    try (InputStream in = DefaultPacks.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("default rule pack resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read default rule pack " + name, e);
    }
  }
}
