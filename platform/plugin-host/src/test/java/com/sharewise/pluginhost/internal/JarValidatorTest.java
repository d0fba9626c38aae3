package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sharewise.pluginhost.PluginException;
import com.sharewise.pluginhost.PluginException.Reason;
import com.sharewise.pluginhost.PluginKind;
import com.sharewise.pluginhost.TestBundles;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JarValidatorTest {

  @Test
  void readsTheHeadersOfABundle() {
    byte[] jar =
        TestBundles.bundle("com.example.thing;singleton:=true")
            .version("1.2")
            .header("ShareWise-Plugin-Kind", "broker")
            .build();

    BundleHeaders headers = JarValidator.inspect(jar);

    assertThat(headers.symbolicName()).isEqualTo("com.example.thing");
    assertThat(headers.version()).isEqualTo("1.2.0");
    assertThat(headers.name()).isEqualTo("Test plugin com.example.thing;singleton:=true");
    assertThat(headers.declaredKind()).contains(PluginKind.BROKER);
  }

  @Test
  void refusesBytesThatAreNotAZip() {
    assertNotABundle(TestBundles.notAZip(), "not a readable jar");
  }

  @Test
  void refusesAHalfWrittenJar() {
    byte[] jar = TestBundles.bundle("com.example.thing").build();
    assertNotABundle(Arrays.copyOf(jar, jar.length / 2), "not a readable jar");
  }

  @Test
  void refusesAJarWithoutManifest() {
    assertNotABundle(TestBundles.jarWithoutManifest(), "no META-INF/MANIFEST.MF");
  }

  @Test
  void refusesAPlainJarAndOldOrIncompleteBundles() {
    assertNotABundle(
        TestBundles.bundle("x").header("Bundle-ManifestVersion", null).build(),
        "no Bundle-ManifestVersion");
    assertNotABundle(
        TestBundles.bundle("x").header("Bundle-ManifestVersion", "1").build(), "expected 2");
    assertNotABundle(
        TestBundles.bundle("x").header("Bundle-SymbolicName", null).build(),
        "no Bundle-SymbolicName");
    assertNotABundle(
        TestBundles.bundle("x").version("one.two").build(), "not a valid OSGi version");
  }

  private static void assertNotABundle(byte[] jar, String message) {
    assertThatThrownBy(() -> JarValidator.inspect(jar))
        .isInstanceOfSatisfying(
            PluginException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_A_BUNDLE);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
