package com.sharewise.node.cli;

import com.sharewise.node.Node;
import com.sharewise.node.NodeStartException;
import com.sharewise.node.config.ConfigException;
import com.sharewise.node.config.ConfigLoader;
import com.sharewise.node.config.NodeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  /** System property naming the file that marks a class-list recording run as ready. */
  static final String CLASS_CACHE_MARKER = "sharewise.classCache.trained";

  /** How long the console message waits for areas finishing in the background. */
  private static final Duration READY_WAIT = Duration.ofMinutes(2);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Tells {@code bin/sharewise} that this run got ready, so the list of classes it records may
   * build the class archive later starts map: the list of a start that failed early would hold too
   * few classes to help.
   */
  private static void markClassListUsable() {
    String marker = System.getProperty(CLASS_CACHE_MARKER);
    if (marker == null || marker.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(marker), "");
    } catch (IOException e) {
      LOG.atWarn()
          .setCause(e)
          .addKeyValue("marker", marker)
          .log("cannot mark the recorded class list as usable; a later start records it again");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    // how long the JVM took to reach us (class loading, logging set-up): part of every start
    LOG.atInfo()
        .addKeyValue("part", "jvm")
        .addKeyValue("ms", ManagementFactory.getRuntimeMXBean().getUptime())
        .log("started");
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
      node = Node.start(config, clock);
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
    int port = node.httpPort(); // read now: a stop while waiting closes the connector
    // "running" only once health can say UP: the rules may still be compiling when HTTP serves
    boolean ready = node.awaitReady(READY_WAIT);
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.printf(
        "ShareWise %s is running at http://localhost:%d/ (started in %.1f s). Press Ctrl-C to stop.%n",
        VersionProvider.version(), port, millis / 1000.0);
    if (ready) {
      markClassListUsable();
    } else {
      out.println(
          "Some areas are still starting; GET /api/v1/health says which and what waits for them.");
    }
    // Printed, never logged: a generated first password must not end up in the log files.
    node.operatorNotices().forEach(out::println);
    out.flush();
    stopped.await();
    return 0;
  }
}
