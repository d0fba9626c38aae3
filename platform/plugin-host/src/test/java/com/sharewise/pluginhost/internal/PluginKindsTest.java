package com.sharewise.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.pluginhost.PluginKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginKindsTest {

  @Test
  void servicesDecideTheKindBrokerFirst() {
    assertThat(PluginKinds.derive(List.of("StrategyFactory"), Optional.empty()))
        .isEqualTo(PluginKind.STRATEGY);
    assertThat(PluginKinds.derive(List.of("IndicatorProvider"), Optional.of(PluginKind.BROKER)))
        .isEqualTo(PluginKind.INDICATOR);
    assertThat(
            PluginKinds.derive(
                List.of("IndicatorProvider", "com.sharewise.api.broker.BrokerAdapterFactory"),
                Optional.empty()))
        .isEqualTo(PluginKind.BROKER);
  }

  @Test
  void withoutServicesTheManifestHeaderDecidesElseOther() {
    assertThat(PluginKinds.derive(List.of(), Optional.of(PluginKind.BROKER)))
        .isEqualTo(PluginKind.BROKER);
    assertThat(PluginKinds.derive(List.of(), Optional.empty())).isEqualTo(PluginKind.OTHER);
  }

  @Test
  void headerIsParsedCaseInsensitivelyAndInvalidValuesIgnored() {
    assertThat(PluginKinds.parse(" Strategy ")).contains(PluginKind.STRATEGY);
    assertThat(PluginKinds.parse("robot")).isEmpty();
    assertThat(PluginKinds.parse(null)).isEmpty();
  }
}
