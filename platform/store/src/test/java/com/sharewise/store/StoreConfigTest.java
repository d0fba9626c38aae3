package com.sharewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
  private static final Path DATA = Path.of("/var/lib/sharewise");

  @Test
  void toStringNeverShowsThePassword() {
    StoreConfig config =
        StoreConfig.external("jdbc:postgresql://db:5432/sw", "bob", "hunter2-secret");

    assertThat(config.toString())
        .contains("jdbc:postgresql://db:5432/sw", "user=bob", "password=****")
        .doesNotContain("hunter2-secret");
  }

  @Test
  void toStringMasksAPasswordParameterInTheUrl() {
    StoreConfig config =
        StoreConfig.external(
            "jdbc:postgresql://db/sw?user=bob&password=hunter2&ssl=true", null, null);

    assertThat(config.toString())
        .contains("password=****&ssl=true", "password=null")
        .doesNotContain("hunter2");
  }

  @Test
  void blankUrlMeansEmbedded() {
    StoreConfig config = new StoreConfig("  ", " ", null, DATA, 4, Duration.ofSeconds(1));

    assertThat(config.isEmbedded()).isTrue();
    assertThat(config.jdbcUrl()).isNull();
    assertThat(config.user()).isNull();
  }

  @Test
  void embeddedFactoryUsesDefaults() {
    StoreConfig config = StoreConfig.embedded(DATA);

    assertThat(config.isEmbedded()).isTrue();
    assertThat(config.dataDirectory()).isEqualTo(DATA);
    assertThat(config.maxPoolSize()).isEqualTo(StoreConfig.DEFAULT_MAX_POOL_SIZE);
    assertThat(config.connectTimeout()).isEqualTo(StoreConfig.DEFAULT_CONNECT_TIMEOUT);
  }

  @Test
  void externalNeedsNoDataDirectory() {
    StoreConfig config = StoreConfig.external("jdbc:postgresql://db/sw", "bob", null);

    assertThat(config.isEmbedded()).isFalse();
    assertThat(config.dataDirectory()).isNull();
  }

  @Test
  void embeddedWithoutDataDirectoryIsRejected() {
    assertThatThrownBy(() -> new StoreConfig(null, null, null, null, 4, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataDirectory");
  }

  @Test
  void nonPostgresUrlIsRejectedWithoutEchoingAPassword() {
    assertThatThrownBy(() -> StoreConfig.external("jdbc:mysql://db/x?password=pw123", "u", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("pw123");
  }

  @Test
  void poolMustFitTheMigration() {
    assertThatThrownBy(() -> StoreConfig.embedded(DATA).withMaxPoolSize(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoolSize must be at least 2");
    assertThat(StoreConfig.embedded(DATA).withMaxPoolSize(2).maxPoolSize()).isEqualTo(2);
  }

  @Test
  void connectTimeoutHasAFloor() {
    assertThatThrownBy(() -> StoreConfig.embedded(DATA).withConnectTimeout(Duration.ofMillis(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must be at least 250 ms");
    assertThatThrownBy(() -> StoreConfig.embedded(DATA).withConnectTimeout(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void externalFactoryRequiresAUrl() {
    assertThatThrownBy(() -> StoreConfig.external(" ", "bob", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbcUrl");
  }
}
