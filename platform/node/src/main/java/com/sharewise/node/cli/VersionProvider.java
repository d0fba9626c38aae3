package com.sharewise.node.cli;

import picocli.CommandLine;

/** Reports the version the node jar was built as. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"ShareWise " + version()};
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
