package com.sharewise.api.param;

/** A parameter value is missing, unknown, of the wrong type or out of range. */
public class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public ParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the offending parameter. */
  public String parameter() {
    return parameter;
  }
}
