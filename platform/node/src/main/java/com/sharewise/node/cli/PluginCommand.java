package com.sharewise.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Manages the plugin drop folder. A running node watches the folder, so these commands take effect
 * at once on a running node and at the next start on a stopped one.
 */
@Command(
    name = "plugin",
    mixinStandardHelpOptions = true,
    description = "Install, remove or list plugins in the plugins folder.",
    subcommands = {
      PluginCommand.Install.class,
      PluginCommand.Remove.class,
      PluginCommand.ListPlugins.class
    })
final class PluginCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path pluginsFolder() {
    String override = System.getenv("SHAREWISE_PLUGINS_DIR");
    return Home.get().resolve(override == null || override.isBlank() ? "plugins" : override);
  }

  /** The symbolic name and version from a jar's manifest, or null when it is not a bundle. */
  static String[] bundleIdentity(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getManifest() == null) {
        return null;
      }
      Attributes main = file.getManifest().getMainAttributes();
      String name = main.getValue("Bundle-SymbolicName");
      if (name == null) {
        return null;
      }
      int semicolon = name.indexOf(';');
      return new String[] {
        semicolon < 0 ? name.trim() : name.substring(0, semicolon).trim(),
        String.valueOf(main.getValue("Bundle-Version"))
      };
    } catch (IOException e) {
      return null;
    }
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = "Copy a plugin jar into the plugins folder.")
  static final class Install implements Callable<Integer> {
    @Parameters(paramLabel = "JAR", description = "the plugin bundle to install")
    Path jar;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(jar)) {
        err.println("no such file: " + jar);
        return 1;
      }
      String[] identity = bundleIdentity(jar);
      if (identity == null) {
        err.println(jar + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        return 1;
      }
      Path folder = Files.createDirectories(pluginsFolder());
      Path temp = folder.resolve("." + jar.getFileName() + ".part");
      Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          temp,
          folder.resolve(jar.getFileName()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      spec.commandLine()
          .getOut()
          .println("installed " + identity[0] + " " + identity[1] + " into " + folder);
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a plugin by id (symbolic name) or file name.")
  static final class Remove implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "plugin id (Bundle-SymbolicName) or jar file name")
    String id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      for (Path jar : jars()) {
        String[] identity = bundleIdentity(jar);
        if (jar.getFileName().toString().equals(id)
            || (identity != null && identity[0].equals(id))) {
          Files.delete(jar);
          spec.commandLine().getOut().println("removed " + jar.getFileName());
          return 0;
        }
      }
      spec.commandLine().getErr().println("no plugin '" + id + "' in " + pluginsFolder());
      return 1;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the plugin jars in the plugins folder.")
  static final class ListPlugins implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      for (Path jar : jars()) {
        String[] identity = bundleIdentity(jar);
        out.printf(
            "%-45s %-28s %s%n",
            identity == null ? "(not a bundle)" : identity[0],
            identity == null ? "" : identity[1],
            jar.getFileName());
      }
      return 0;
    }
  }

  static List<Path> jars() throws IOException {
    Path folder = pluginsFolder();
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }
}
