package com.sharewise.rules.internal;

import com.sharewise.rules.DrlProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Warns about conditions that read into a part of an {@code OrderCheck} that is null for most
 * orders ({@code restricted}, {@code instrumentLimit}) before the pattern has tested it for null.
 * Such a condition throws on every order without that part, and every one of those orders is
 * rejected (the engine fails closed): worth saying at the line before the scenarios find out.
 * Stateless.
 */
final class UnguardedParts {

  /** A part that may be null, when it is, and how a condition tests or reads it. */
  private record Part(String name, String nullWhen, Pattern tested, Pattern read) {
    Part(String name, String nullWhen) {
      this(
          name,
          nullWhen,
          Pattern.compile("\\b" + name + "\\s*!=\\s*null"),
          // a plain dereference; `name!.x` is null-safe and `$x.name` is another object's
          Pattern.compile("(?<![\\w.!$])" + name + "\\s*\\."));
    }
  }

  private static final List<Part> NULLABLE =
      List.of(
          new Part("restricted", "the order's instrument is not restricted"),
          new Part("instrumentLimit", "the order's instrument has no position limit of its own"));

  private UnguardedParts() {}

  static void check(String source, PackageDescr descr, List<DrlProblem> problems) {
    for (RuleDescr rule : descr.getRules()) {
      if (rule.getLhs() != null) {
        walk(source, rule.getLhs(), problems);
      }
    }
  }

  private static void walk(String source, BaseDescr descr, List<DrlProblem> problems) {
    if (descr instanceof PatternDescr pattern) {
      if ("OrderCheck".equals(pattern.getObjectType()) && pattern.getConstraint() != null) {
        checkPattern(source, pattern, problems);
      }
    } else if (descr instanceof ConditionalElementDescr element) {
      for (BaseDescr child : element.getDescrs()) {
        walk(source, child, problems);
      }
    }
  }

  private static void checkPattern(String source, PatternDescr pattern, List<DrlProblem> problems) {
    Set<String> guarded = new HashSet<>();
    for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
      String text = constraint.getText() == null ? "" : constraint.getText();
      for (Part part : NULLABLE) {
        String name = part.name();
        if (part.tested().matcher(text).find()) {
          guarded.add(name);
        } else if (!guarded.contains(name) && part.read().matcher(text).find()) {
          BaseDescr where = constraint.getLine() > 0 ? constraint : pattern;
          problems.add(
              new DrlProblem(
                  DrlProblem.WARNING,
                  source,
                  Math.max(0, where.getLine()),
                  Math.max(0, where.getColumn()) + 1,
                  "'"
                      + name
                      + "' is null when "
                      + part.nullWhen()
                      + ": test '"
                      + name
                      + " != null' earlier in the pattern, or every such order fails closed"));
        }
      }
    }
  }
}
