package com.sharewise.strategies.rest;

import com.sharewise.strategies.InstanceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A strategy instance on the wire.
 *
 * @param id the instance id (the {@code strategyId} of its orders)
 * @param accountId the account it trades for
 * @param name the trader's name for it
 * @param strategyType the strategy type's id
 * @param pluginId the plugin that runs it
 * @param pluginVersion that plugin's version
 * @param instruments {@code EXCHANGE:SYMBOL} each
 * @param timeframe its primary timeframe, e.g. {@code 5m}
 * @param parameters every parameter's value, as text
 * @param state RUNNING, PAUSED or STOPPED (what was decided; kept over restarts)
 * @param status STARTING, RUNNING, WAITING, PAUSED or STOPPED (how it runs now)
 * @param lastError why the platform paused it, else empty
 * @param detail what it waits for, else empty
 * @param bars bars handed to the strategy since it last started
 * @param signals signals since it last started
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record InstanceDto(
    String id,
    long accountId,
    String name,
    String strategyType,
    String pluginId,
    String pluginVersion,
    List<String> instruments,
    String timeframe,
    Map<String, String> parameters,
    String state,
    String status,
    String lastError,
    String detail,
    long bars,
    long signals,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  static InstanceDto of(InstanceView v) {
    return new InstanceDto(
        v.id(),
        v.accountId(),
        v.name(),
        v.strategyType(),
        v.pluginId(),
        v.pluginVersion(),
        v.instruments().stream().map(Object::toString).toList(),
        v.timeframe().label(),
        v.parameters(),
        v.state().name(),
        v.status(),
        v.lastError(),
        v.detail(),
        v.bars(),
        v.signals(),
        v.createdBy(),
        v.createdAt(),
        v.updatedAt());
  }
}
