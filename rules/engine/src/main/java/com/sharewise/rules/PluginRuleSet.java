package com.sharewise.rules;

import java.util.List;

/**
 * Rule files a plugin ships under {@code OSGI-INF/rules/<kind>/}, as the host compiled them.
 *
 * @param pluginId the plugin
 * @param files the files found, by path inside the bundle
 * @param kinds the kinds they extend
 * @param accepted whether they compiled against the fact model and are running
 * @param problems why not, with lines
 */
public record PluginRuleSet(
    String pluginId,
    List<String> files,
    List<RuleKind> kinds,
    boolean accepted,
    List<DrlProblem> problems) {}
