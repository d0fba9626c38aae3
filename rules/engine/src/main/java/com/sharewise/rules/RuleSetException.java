package com.sharewise.rules;

import java.util.List;

/** A rule-set operation refused, with why in words and a reason the REST layer maps to a status. */
public final class RuleSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why an operation was refused. */
  public enum Reason {
    /** No such kind, version, scenario or run (404). */
    NOT_FOUND,
    /** A malformed request (400). */
    INVALID_REQUEST,
    /** DRL that does not compile or uses a forbidden construct (422, with the problems). */
    INVALID_DRL,
    /** Not allowed in the current state: unapproved, failing scenarios, wrong status (409). */
    CONFLICT,
    /** The user may not do this: same person, missing role (403). */
    FORBIDDEN
  }

  private final Reason reason;
  private final transient List<DrlProblem> problems;

  public RuleSetException(Reason reason, String message) {
    this(reason, message, List.of());
  }

  public RuleSetException(Reason reason, String message, List<DrlProblem> problems) {
    super(message);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  /** Line-level problems for {@link Reason#INVALID_DRL}. */
  public List<DrlProblem> problems() {
    return problems;
  }
}
