package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestHeadersTest {

  @Test
  void usesDirectivesAreStrippedEvenWhenTheirQuotedValueHoldsCommas() {
    String header = "a.b;version=\"1.0.0\";uses:=\"x.y,z.w\",c.d;uses:=\"a.b\";version=\"2.1\",e.f";

    assertThat(ManifestHeaders.exportsWithoutUses(header))
        .containsExactly("a.b;version=\"1.0.0\"", "c.d;version=\"2.1\"", "e.f");
  }

  @Test
  void splitKeepsQuotedSeparators() {
    assertThat(ManifestHeaders.split("a;x=\"1,2\",b", ',')).containsExactly("a;x=\"1,2\"", "b");
  }

  @Test
  void firstPathDropsDirectivesFromASymbolicName() {
    assertThat(ManifestHeaders.firstPath("com.example.sma;singleton:=true"))
        .isEqualTo("com.example.sma");
    assertThat(ManifestHeaders.firstPath(null)).isNull();
  }

  @Test
  void parameterReadsAttributesAndDirectivesUnquoted() {
    String clause = "a.b;version=\"1.0\";resolution:=optional";
    assertThat(ManifestHeaders.parameter(clause, "version")).isEqualTo("1.0");
    assertThat(ManifestHeaders.parameter(clause, "resolution")).isEqualTo("optional");
    assertThat(ManifestHeaders.paths("a;b;version=1")).containsExactly("a", "b");
  }
}
