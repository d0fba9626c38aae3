package com.sharewise.rules.rest;

/**
 * A kind of rule set and its versions now.
 *
 * @param kind signal, risk or workflow
 * @param activeVersion the version active cluster-wide (0 = none)
 * @param runningVersion the version this node runs (0 = none: orders fail closed)
 * @param versions how many versions exist
 */
public record KindDto(String kind, int activeVersion, int runningVersion, int versions) {}
