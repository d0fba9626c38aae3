package com.sharewise.api.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

  private static final List<ParameterSpec> SPECS =
      List.of(
          ParameterSpec.integer("fast", "fast SMA", 10, 1, 500),
          ParameterSpec.decimal("stopPct", "stop distance", 1.5, 0.1, 20),
          ParameterSpec.bool("shortable", "may go short", false),
          ParameterSpec.choice("source", "price source", "close", List.of("close", "hl2")));

  @Test
  void defaultsFillWhatTheUserLeftOut() {
    Parameters parameters = Parameters.resolve(SPECS, Map.of("fast", " 12 "));

    assertThat(parameters.getInt("fast")).isEqualTo(12);
    assertThat(parameters.getDecimal("stopPct")).isEqualTo(1.5);
    assertThat(parameters.getBoolean("shortable")).isFalse();
    assertThat(parameters.getText("source")).isEqualTo("close");
    assertThat(parameters.asMap().keySet())
        .containsExactly("fast", "stopPct", "shortable", "source");
  }

  @Test
  void anUnknownParameterIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("fsat", "3")))
        .isInstanceOf(ParameterException.class)
        .hasMessage("unknown parameter 'fsat'; known: fast, stopPct, shortable, source")
        .extracting(e -> ((ParameterException) e).parameter())
        .isEqualTo("fsat");
  }

  @Test
  void valuesOutOfRangeOrOfTheWrongTypeNameTheParameterAndTheLimits() {
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("fast", "0")))
        .hasMessage("fast must be between 1 and 500, got 0");
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("fast", "ten")))
        .hasMessage("fast must be a whole number, got 'ten'");
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("stopPct", "NaN")))
        .hasMessageContaining("stopPct must be a finite number");
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("shortable", "yes")))
        .hasMessage("shortable must be true or false, got 'yes'");
    assertThatThrownBy(() -> Parameters.resolve(SPECS, Map.of("source", "open")))
        .hasMessage("source must be one of [close, hl2], got 'open'");
  }

  @Test
  void aDefaultOutsideItsOwnRangeIsAPluginBugCaughtAtDeclaration() {
    assertThatThrownBy(() -> ParameterSpec.integer("slow", "", 5, 10, 100))
        .hasMessage("slow must be between 10 and 100, got 5");
  }

  @Test
  void askingForAnUndeclaredParameterFails() {
    Parameters parameters = Parameters.defaults(SPECS);
    assertThatThrownBy(() -> parameters.getInt("slow"))
        .hasMessageContaining("'slow' was not declared");
  }
}
