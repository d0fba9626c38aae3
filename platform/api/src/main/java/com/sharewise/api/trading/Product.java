package com.sharewise.api.trading;

/** Margin product, as Indian brokers name them. */
public enum Product {
  /** Cash and carry: delivery equity. */
  CNC,
  /** Margin intraday square-off: closed by the broker before the session ends. */
  MIS,
  /** Normal: carry-forward derivatives. */
  NRML
}
