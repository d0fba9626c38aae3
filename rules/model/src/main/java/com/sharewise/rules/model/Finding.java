package com.sharewise.rules.model;

/**
 * What one rule said during an evaluation.
 *
 * @param rule the rule's name
 * @param outcome what it decided ({@link Outcome#APPROVE} for a note such as a routing choice)
 * @param reason its words, shown to traders and in explanations
 */
public record Finding(String rule, Outcome outcome, String reason) {}
