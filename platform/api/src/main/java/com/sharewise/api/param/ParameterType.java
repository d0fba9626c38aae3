package com.sharewise.api.param;

/** The kinds of value a parameter may hold. */
public enum ParameterType {
  /** A whole number ({@code long}). */
  INTEGER,
  /** A decimal number ({@code double}). */
  DECIMAL,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** Free text. */
  TEXT,
  /** One of the spec's {@code choices}. */
  CHOICE
}
