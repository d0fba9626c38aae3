package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class BundleErrorsTest {

  private static final String FELIX_RESOLVE_ERROR =
      "Unable to resolve com.example.needy [6](R 6.0): missing requirement [com.example.needy"
          + " [6](R 6.0)] osgi.wiring.package;"
          + " (&(osgi.wiring.package=com.example.missing)(version>=1.0.0)(!(version>=2.0.0)))"
          + " Unresolved requirements: [[com.example.needy [6](R 6.0)] osgi.wiring.package;"
          + " (&(osgi.wiring.package=com.example.missing)(version>=1.0.0)(!(version>=2.0.0)))]";

  @Test
  void resolveErrorsNameTheMissingPackage() {
    PluginException e =
        BundleErrors.toPluginException(
            "com.example.needy",
            new BundleException(FELIX_RESOLVE_ERROR, BundleException.RESOLVE_ERROR));

    assertThat(e.reason()).isEqualTo(Reason.UNRESOLVED);
    assertThat(e.getMessage())
        .startsWith(
            "com.example.needy: cannot resolve: missing package com.example.missing"
                + " (version>=1.0.0)");
  }

  @Test
  void unversionedImportsAreNamedToo() {
    String message =
        "Unable to resolve x [3](R 3.0): missing requirement [x [3](R 3.0)] osgi.wiring.package;"
            + " (osgi.wiring.package=org.example.util)";
    assertThat(BundleErrors.describe(new BundleException(message, BundleException.RESOLVE_ERROR)))
        .startsWith("cannot resolve: missing package org.example.util [");
  }

  @Test
  void activatorErrorsGiveTheActivatorsMessage() {
    BundleException e =
        new BundleException(
            "Activator start error in bundle x [4].",
            BundleException.ACTIVATOR_ERROR,
            new IllegalStateException("no licence key"));

    PluginException plugin = BundleErrors.toPluginException("x", e);

    assertThat(plugin.reason()).isEqualTo(Reason.START_FAILED);
    assertThat(plugin.getMessage())
        .isEqualTo("x: activator failed: no licence key (java.lang.IllegalStateException)");
  }
}
