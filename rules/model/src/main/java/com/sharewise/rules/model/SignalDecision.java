package com.sharewise.rules.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of signal rules about one signal: drop it, or turn it into an order intent of some
 * size, price type and product. The platform inserts one per evaluation, accepting the signal with
 * no size; a signal that no rule sized is dropped ("no rule sized the order"). A drop is final:
 * later rules cannot accept the signal again.
 *
 * <p>Not thread-safe: one evaluation, one thread.
 */
public final class SignalDecision {

  private boolean dropped;
  private String reason = "";
  private String ruleName = "";
  private long quantity;
  private PriceType priceType = PriceType.MARKET;
  private double limitPrice;
  private ProductType product = ProductType.MIS;
  private final List<Finding> findings = new ArrayList<>(4);
  private String currentRule = "";

  /** Drops the signal: no order. */
  public void drop(String why) {
    findings.add(new Finding(currentRule, Outcome.REJECT, why));
    if (!dropped) {
      dropped = true;
      reason = why == null ? "" : why;
      ruleName = currentRule;
    }
  }

  /** Sizes the order, in shares. */
  public void size(long shares, String why) {
    quantity = shares;
    findings.add(new Finding(currentRule, Outcome.MODIFY, why));
  }

  /** Prices the order as a limit order at {@code price}. */
  public void limitAt(double price, String why) {
    priceType = PriceType.LIMIT;
    limitPrice = price;
    findings.add(new Finding(currentRule, Outcome.MODIFY, why));
  }

  /** Chooses the margin product. */
  public void product(ProductType chosen, String why) {
    product = chosen == null ? ProductType.MIS : chosen;
    findings.add(new Finding(currentRule, Outcome.MODIFY, why));
  }

  /** Names the rule whose actions follow; called by the platform, not by rules. */
  public void enterRule(String rule) {
    currentRule = rule == null ? "" : rule;
  }

  public boolean isDropped() {
    return dropped;
  }

  public String getReason() {
    return reason;
  }

  public String getRuleName() {
    return ruleName;
  }

  public long getQuantity() {
    return quantity;
  }

  public PriceType getPriceType() {
    return priceType;
  }

  public double getLimitPrice() {
    return limitPrice;
  }

  public ProductType getProduct() {
    return product;
  }

  public List<Finding> getFindings() {
    return List.copyOf(findings);
  }
}
