package com.sharewise.api.market;

/**
 * One price level of the order book.
 *
 * @param price the level's price
 * @param quantity total quantity resting at that price
 * @param orders number of orders at that price (0 when the source does not say)
 */
public record DepthLevel(double price, long quantity, int orders) {}
