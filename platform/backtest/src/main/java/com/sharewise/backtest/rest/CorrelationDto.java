package com.sharewise.backtest.rest;

import java.util.List;

/**
 * Pearson correlations of backtests' daily returns over their common days: {@code matrix[i][j]} for
 * {@code ids[i]} and {@code ids[j]}; null where a series does not vary.
 */
public record CorrelationDto(List<String> ids, List<List<Double>> matrix) {}
