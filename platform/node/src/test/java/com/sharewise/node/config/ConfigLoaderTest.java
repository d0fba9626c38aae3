package com.sharewise.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path home;

  @Test
  void defaultsGiveALoopbackSingleNodeWithEmbeddedDatabase() {
    NodeConfig config = ConfigLoader.load(home, home.resolve("missing.yaml"), Map.of());

    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.store().jdbcUrl()).isNull();
    assertThat(config.dataDirectory()).isEqualTo(home.resolve("data"));
    assertThat(config.grid().members()).isEmpty();
    assertThat(config.grid().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.plugins().pluginsDirectory()).isEqualTo(home.resolve("plugins"));
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    Path file = write("http:\n  port: 9090\ncluster:\n  members: [\"10.0.0.1:5710\"]\n");
    NodeConfig config =
        ConfigLoader.load(
            home,
            file,
            Map.of(
                "SHAREWISE_HTTP_PORT", "9191",
                "SHAREWISE_CLUSTER_MEMBERS", "127.0.0.1:5801, 127.0.0.1:5802",
                "SHAREWISE_DATA_DIR", "/var/lib/sharewise"));

    assertThat(config.http().port()).isEqualTo(9191);
    assertThat(config.grid().members()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
    assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/sharewise"));
  }

  @Test
  void fileValuesApplyWhenNoEnvironmentVariableIsSet() throws IOException {
    Path file =
        write("http:\n  port: 9090\ndb:\n  url: jdbc:postgresql://db:5432/sharewise\n  user: sw\n");
    NodeConfig config = ConfigLoader.load(home, file, Map.of());

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/sharewise");
    assertThat(config.store().user()).isEqualTo("sw");
  }

  @Test
  void everyProblemIsReportedAtOnceNamingWhereItCameFrom() throws IOException {
    Path file = write("http:\n  prot: 80\ndb:\n  url: mysql://x\n");

    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    home,
                    file,
                    Map.of("SHAREWISE_HTTP_PORT", "eighty", "SHAREWISE_CLUSTER_MEMBERS", "nohost")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'http.prot'")
        .hasMessageContaining(
            "SHAREWISE_HTTP_PORT must be a whole number from 0 to 65535, got 'eighty'")
        .hasMessageContaining("db.url in " + file + " must start with jdbc:postgresql:")
        .hasMessageContaining("'nohost', which is not host:port");
  }

  @Test
  void brokenYamlNamesTheFileAndLine() throws IOException {
    Path file = write("http:\n  port: [8080\n");

    assertThatThrownBy(() -> ConfigLoader.load(home, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + " is not valid YAML")
        .hasMessageContaining("line");
  }

  private Path write(String yaml) throws IOException {
    Path file = home.resolve("sharewise.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
