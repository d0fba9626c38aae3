package com.sharewise.node.cli;

import com.sharewise.audit.AuditTrail;
import com.sharewise.audit.Verification;
import com.sharewise.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/sharewise audit verify}: checks the audit trail's hash chain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the audit trail.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  /** Exit status when the chain is broken. */
  static final int EXIT_TAMPERED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the hash chain; exit 0 when intact, 3 when an entry was altered"
              + " or removed.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Store store = StoreTool.open(err)) {
        if (store == null) {
          return 2;
        }
        Verification result = new AuditTrail(store.dsl(), Clock.systemUTC()).verify();
        if (result.intact()) {
          out.println("audit trail intact: " + result.detail());
          return 0;
        }
        err.println("audit trail TAMPERED: " + result.detail());
        return EXIT_TAMPERED;
      }
    }
  }
}
