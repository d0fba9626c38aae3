package com.sharewise.pluginhost.internal;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/** Turns framework exceptions into messages for users. Stateless. */
public final class BundleErrors {

  private static final Pattern MISSING_PACKAGE =
      Pattern.compile(
          "missing requirement \\[.*?\\] osgi\\.wiring\\.package; "
              + "\\(&?\\(?osgi\\.wiring\\.package=([^)]+)\\)(\\(version>=([^)]+)\\))?");
  private static final Pattern MISSING_OTHER =
      Pattern.compile("missing requirement \\[.*?\\] ([\\w.]+); (\\S+)");

  private BundleErrors() {}

  /** The plugin exception for a failed start or resolve of {@code plugin}. */
  public static PluginException toPluginException(String plugin, BundleException e) {
    boolean unresolved = e.getType() == BundleException.RESOLVE_ERROR || isResolveMessage(e);
    return new PluginException(
        unresolved ? Reason.UNRESOLVED : Reason.START_FAILED, plugin + ": " + describe(e), e);
  }

  /**
   * A one-line reason: for resolve errors {@code cannot resolve: missing package X (version>=1.0)},
   * for activator errors {@code activator failed: <exception message>}.
   */
  public static String describe(BundleException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.getType() == BundleException.RESOLVE_ERROR || isResolveMessage(e)) {
      Set<String> missing = new LinkedHashSet<>();
      Matcher packages = MISSING_PACKAGE.matcher(message);
      while (packages.find()) {
        missing.add(
            "missing package "
                + packages.group(1)
                + (packages.group(3) == null ? "" : " (version>=" + packages.group(3) + ")"));
      }
      if (missing.isEmpty()) {
        Matcher other = MISSING_OTHER.matcher(message);
        if (other.find()) {
          missing.add("missing requirement " + other.group(1) + " " + other.group(2));
        }
      }
      return missing.isEmpty()
          ? "cannot resolve: " + message
          : "cannot resolve: " + String.join(", ", missing) + " [" + message + "]";
    }
    Throwable cause = e.getCause();
    if (e.getType() == BundleException.ACTIVATOR_ERROR && cause != null) {
      return "activator failed: " + describe(cause);
    }
    return cause == null ? message : message + " (" + describe(cause) + ")";
  }

  /** {@code message (ExceptionType)}, or the type alone when there is no message. */
  public static String describe(Throwable t) {
    return t.getMessage() == null
        ? t.getClass().getName()
        : t.getMessage() + " (" + t.getClass().getName() + ")";
  }

  private static boolean isResolveMessage(BundleException e) {
    return e.getMessage() != null && e.getMessage().startsWith("Unable to resolve");
  }
}
