package com.sharewise.orders;

import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.Product;
import java.util.Objects;

/**
 * A fill as the platform books it: the broker's execution plus the account, order and product it
 * belongs to.
 *
 * @param accountId the account
 * @param orderId the platform's order id
 * @param product the order's product (positions are kept per product)
 * @param fill the execution
 */
public record AccountFill(long accountId, String orderId, Product product, Fill fill) {
  public AccountFill {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(fill, "fill");
  }
}
