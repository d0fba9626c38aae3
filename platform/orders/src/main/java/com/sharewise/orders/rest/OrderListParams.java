package com.sharewise.orders.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The filters of {@code GET /api/v1/orders}; absent ones do not filter. */
public final class OrderListParams {

  /** One account (must be visible to the caller). */
  @QueryParam("accountId")
  public Long accountId;

  /** Statuses, repeated or comma-separated. */
  @QueryParam("status")
  public List<String> statuses = List.of();

  /** {@code EXCHANGE:SYMBOL}. */
  @QueryParam("instrument")
  public String instrument;

  /** A strategy instance's orders. */
  @QueryParam("strategyId")
  public String strategyId;

  /** The children of a parent order. */
  @QueryParam("parentId")
  public String parentId;

  /** Created at or after (ISO-8601). */
  @QueryParam("from")
  public String from;

  /** Created before (ISO-8601). */
  @QueryParam("to")
  public String to;

  /** {@code true}: only orders that are not finished ({@code false} or absent: all). */
  @QueryParam("open")
  public String open;

  /** At most this many, newest first (1–1000). */
  @QueryParam("limit")
  @DefaultValue("200")
  public int limit;
}
