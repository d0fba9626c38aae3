package com.sharewise.rules.internal;

import com.sharewise.rules.DrlProblem;
import java.util.List;

/**
 * What compiling a rule set gave: the compiled set, or the problems that prevented it (warnings may
 * come with a success).
 *
 * @param compiled the rule set, or null when there were errors
 * @param problems errors and warnings with line and column
 */
public record CompileResult(CompiledRuleSet compiled, List<DrlProblem> problems) {

  public boolean ok() {
    return compiled != null;
  }

  public List<DrlProblem> errors() {
    return problems.stream().filter(DrlProblem::isError).toList();
  }
}
