package com.sharewise.node.cli;

import com.sharewise.audit.AuditTrail;
import com.sharewise.security.Security;
import com.sharewise.security.User;
import com.sharewise.security.UserException;
import com.sharewise.security.Users;
import com.sharewise.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/sharewise user …}: manage users straight in the database (for operators, e.g. when the
 * last admin password is lost). Changes are audited with actor {@code cli}.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description =
        "Add users, set passwords and roles, list users (works on the database directly).",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Passwd.class,
      UserCommand.SetRoles.class,
      UserCommand.ListUsers.class
    })
final class UserCommand implements Runnable {

  static final String ACTOR = "cli";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Password options shared by add and passwd. */
  static final class PasswordSource {
    @Option(
        names = "--password-stdin",
        description = "read the password from the first line of standard input")
    boolean stdin;

    String read(CommandLine.Model.CommandSpec spec) throws IOException {
      if (stdin || System.console() == null) {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
      }
      char[] typed = System.console().readPassword("Password: ");
      char[] again = System.console().readPassword("Again: ");
      if (typed == null || again == null || !java.util.Arrays.equals(typed, again)) {
        spec.commandLine().getErr().println("the passwords differ");
        return null;
      }
      return new String(typed);
    }
  }

  /** Runs {@code action} on the users of the configured database. */
  static int withUsers(CommandLine.Model.CommandSpec spec, UserAction action) {
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = StoreTool.open(err)) {
      if (store == null) {
        return 2;
      }
      Clock clock = Clock.systemUTC();
      Users users = Security.users(store.dsl(), clock, new AuditTrail(store.dsl(), clock));
      action.run(users, spec.commandLine().getOut());
      return 0;
    } catch (UserException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  @FunctionalInterface
  interface UserAction {
    void run(Users users, PrintWriter out);
  }

  static Set<String> roles(List<String> given) {
    Set<String> roles = new LinkedHashSet<>();
    given.forEach(r -> roles.add(r.trim().toUpperCase(java.util.Locale.ROOT)));
    return roles;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user; the password is prompted for (or read with --password-stdin).")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "user name")
    String name;

    @Option(
        names = {"-r", "--role"},
        required = true,
        split = ",",
        description = "TRADER, RISK_OFFICER and/or ADMIN (repeat or comma-separate)")
    List<String> roles;

    @CommandLine.Mixin PasswordSource password = new PasswordSource();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      String secret = password.read(spec);
      if (secret == null) {
        return 1;
      }
      return withUsers(
          spec,
          (users, out) -> {
            User user = users.create(ACTOR, name, secret, roles(roles));
            out.println("added " + user.username() + " " + new TreeSet<>(user.roles()));
          });
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a user's password (their open sessions end).")
  static final class Passwd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "user name")
    String name;

    @CommandLine.Mixin PasswordSource password = new PasswordSource();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      String secret = password.read(spec);
      if (secret == null) {
        return 1;
      }
      return withUsers(
          spec,
          (users, out) -> {
            users.update(ACTOR, name, null, null, secret);
            out.println("password of " + name + " changed");
          });
    }
  }

  @Command(name = "roles", mixinStandardHelpOptions = true, description = "Replace a user's roles.")
  static final class SetRoles implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "user name")
    String name;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "ROLE",
        description = "TRADER, RISK_OFFICER and/or ADMIN")
    List<String> roles;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return withUsers(
          spec,
          (users, out) -> {
            User user = users.update(ACTOR, name, roles(roles), null, null);
            out.println(user.username() + " " + new TreeSet<>(user.roles()));
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return withUsers(
          spec,
          (users, out) ->
              users
                  .list()
                  .forEach(
                      u ->
                          out.printf(
                              "%-24s %-32s %s%s%n",
                              u.username(),
                              String.join(",", new TreeSet<>(u.roles())),
                              u.enabled() ? "enabled" : "disabled",
                              u.totpEnabled() ? " totp" : "")));
    }
  }
}
