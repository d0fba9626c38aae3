package com.sharewise.node.cli;

import com.sharewise.node.Node;
import com.sharewise.node.NodeStartException;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Starts the node in the foreground and stops it gracefully on SIGTERM or Ctrl-C. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start the node in the foreground.")
final class StartCommand implements Callable<Integer> {

  /** Exit status for an unusable configuration (distinct from a failed start). */
  static final int EXIT_CONFIG = 2;

  private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    NodeConfig config;
    try {
      config = ConfigLoader.load(Home.get(), Home.configFile(), System.getenv());
    } catch (ConfigException e) {
      err.println("ShareWise cannot start: " + e.getMessage());
      err.flush();
      return EXIT_CONFIG;
    }
    Node node;
    try {
      node = Node.start(config, Clock.systemUTC());
    } catch (ConfigException e) {
      err.println("ShareWise cannot start: " + e.getMessage());
      err.flush();
      return EXIT_CONFIG;
    } catch (NodeStartException e) {
      LOG.atError().setCause(e).log("start-up failed");
      err.println("ShareWise cannot start: " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down");
                  node.close();
                  stopped.countDown();
                },
                "shutdown"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.printf(
        "ShareWise %s is running at http://localhost:%d/ (started in %.1f s). Press Ctrl-C to stop.%n",
        VersionProvider.version(), node.httpPort(), millis / 1000.0);
    // Printed, never logged: a generated first password must not end up in the log files.
    node.operatorNotices().forEach(out::println);
    out.flush();
    stopped.await();
    return 0;
  }
}
