package com.sharewise.backtest;

/**
 * Why a backtest could not run or did not finish. Each subclass is one kind of problem a caller
 * answers differently (a 400 naming the field, a message about missing data, a failed run).
 */
public abstract sealed class BacktestException extends RuntimeException
    permits BacktestException.Invalid,
        BacktestException.NoBars,
        BacktestException.Failed,
        BacktestException.Cancelled {

  private static final long serialVersionUID = 1L;

  BacktestException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The request is wrong: {@link #field()} names what (a parameter, an instrument, a setting). */
  public static final class Invalid extends BacktestException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public Invalid(String field, String message) {
      this(field, message, null);
    }

    public Invalid(String field, String message, Throwable cause) {
      super(message, cause);
      this.field = field;
    }

    /** The offending field or parameter, e.g. {@code fast} or {@code instrument}. */
    public String field() {
      return field;
    }
  }

  /** There is nothing to replay: no bars of the instrument in the range. */
  public static final class NoBars extends BacktestException {
    private static final long serialVersionUID = 1L;

    public NoBars(String message) {
      super(message, null);
    }
  }

  /**
   * The run started but could not finish: the strategy failed or overran its time budget, or the
   * account was ruined. The message says which, in words for the trader.
   */
  public static final class Failed extends BacktestException {
    private static final long serialVersionUID = 1L;

    public Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The run was cancelled before it finished. */
  public static final class Cancelled extends BacktestException {
    private static final long serialVersionUID = 1L;

    public Cancelled(String message) {
      super(message, null);
    }
  }
}
