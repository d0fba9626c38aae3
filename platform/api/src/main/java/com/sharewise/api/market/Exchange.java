package com.sharewise.api.market;

/** Indian exchanges and their segments as brokers name them. */
public enum Exchange {
  /** National Stock Exchange, cash market. */
  NSE,
  /** Bombay Stock Exchange, cash market. */
  BSE,
  /** NSE futures and options. */
  NFO,
  /** BSE futures and options. */
  BFO,
  /** NSE currency derivatives. */
  CDS,
  /** Multi Commodity Exchange. */
  MCX
}
