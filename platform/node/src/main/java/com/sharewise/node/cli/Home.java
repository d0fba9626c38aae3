package com.sharewise.node.cli;

import java.nio.file.Path;

/** Where the installation is: {@code bin/sharewise} passes it; otherwise the working directory. */
final class Home {
  private Home() {}

  static Path get() {
    String home = System.getProperty("sharewise.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  static Path configFile() {
    return get().resolve("conf").resolve("sharewise.yaml");
  }
}
