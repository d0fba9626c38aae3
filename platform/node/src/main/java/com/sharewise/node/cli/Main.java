package com.sharewise.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/sharewise}: the node and its command-line tools. With no sub-command it starts the
 * node, as {@code bin/sharewise start} does.
 */
@Command(
    name = "sharewise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "ShareWise trading platform. Without a command, starts the node.",
    subcommands = {
      StartCommand.class,
      PluginCommand.class,
      UserCommand.class,
      AuditCommand.class,
      BacktestCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    int exit = commandLine.execute(args.length == 0 ? new String[] {"start"} : args);
    // A failed start may leave non-daemon threads (grid, HTTP) behind; exit explicitly.
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
