package com.sharewise.rules.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Request bodies of the rule-set API. */
final class Requests {

  private Requests() {}

  /** A new version: the DRL and the author's note. */
  record NewVersion(String drl, String comment) {}

  /** A reviewer's note (approve, reject). */
  record Review(String comment) {}

  /** A version number (rollback, shadow start). */
  record VersionRef(Integer version) {}

  /** Replay a candidate over recorded decisions in {@code [from, to)}. */
  record Replay(Integer version, Instant from, Instant to, Integer limit) {}

  /** Dry run: what would {@code version} (default: the active one) decide about these facts. */
  record Evaluate(Integer version, JsonNode given) {}

  /** A restricted instrument's reason. */
  record Restriction(String reason) {}

  /** A per-instrument position limit. */
  record PositionLimit(Long maxPositionQuantity) {}
}
