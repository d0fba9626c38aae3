package com.sharewise.strategies;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A strategy instance as stored, with how it runs on this node now.
 *
 * @param id the instance id (the strategy id on its orders)
 * @param accountId the account it trades for
 * @param name the trader's name for it
 * @param strategyType the strategy type's id
 * @param pluginId the plugin that provided the strategy type when the instance last started
 * @param pluginVersion that plugin's version
 * @param instruments the instruments it trades
 * @param timeframe its primary timeframe
 * @param parameters every parameter's value (defaults filled in), as text
 * @param state the stored state
 * @param status how it runs now: {@code STARTING} (loading history), {@code RUNNING}, {@code
 *     WAITING} (its strategy type is not installed now), {@code PAUSED} or {@code STOPPED}
 * @param lastError why the platform paused it, else empty
 * @param detail what it waits for, else empty
 * @param bars bars handed to the strategy since it last started
 * @param signals signals it emitted since it last started
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record InstanceView(
    String id,
    long accountId,
    String name,
    String strategyType,
    String pluginId,
    String pluginVersion,
    List<InstrumentId> instruments,
    Timeframe timeframe,
    Map<String, String> parameters,
    InstanceState state,
    String status,
    String lastError,
    String detail,
    long bars,
    long signals,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
