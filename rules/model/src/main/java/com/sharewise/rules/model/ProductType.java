package com.sharewise.rules.model;

/** Margin product: delivery (CNC), intraday (MIS) or carry-forward derivatives (NRML). */
public enum ProductType {
  CNC,
  MIS,
  NRML
}
