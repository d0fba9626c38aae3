package com.sharewise.orders;

import java.math.BigDecimal;

/**
 * An account's money at a glance, in rupees, marked to the quote book.
 *
 * @param accountId the account
 * @param openingCash the cash the account started with
 * @param cash opening cash − bought value + sold value − charges
 * @param realisedPnl booked by closing trades (before charges)
 * @param realisedToday booked by closing trades today (IST)
 * @param unrealisedPnl open positions at last prices
 * @param charges brokerage and taxes paid
 * @param holdingsValue value of long CNC (delivery) positions at last prices
 * @param positionsValue gross value of all open positions at last prices
 * @param equity cash + the signed value of open positions
 * @param openPositions positions with a non-zero quantity
 */
public record PortfolioSummary(
    long accountId,
    BigDecimal openingCash,
    BigDecimal cash,
    BigDecimal realisedPnl,
    BigDecimal realisedToday,
    BigDecimal unrealisedPnl,
    BigDecimal charges,
    BigDecimal holdingsValue,
    BigDecimal positionsValue,
    BigDecimal equity,
    int openPositions) {}
