package com.sharewise.indicatorengine;

/**
 * An indicator plugin failed while computing (it threw, or returned outputs that do not match its
 * descriptor). The message names the indicator, the plugin and what went wrong, in words fit for an
 * API error's detail; the plugin's exception is the cause, for the log.
 */
public final class IndicatorFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String pluginId;

  public IndicatorFailedException(String id, String pluginId, String message, Throwable cause) {
    super("indicator '" + id + "' (plugin " + pluginId + ") failed: " + message, cause);
    this.id = id;
    this.pluginId = pluginId;
  }

  public String id() {
    return id;
  }

  /** The plugin that provides the indicator. */
  public String pluginId() {
    return pluginId;
  }
}
