package com.sharewise.orders;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The order area's settings.
 *
 * @param brokerStateDirectory parent of each account's private broker state directory
 * @param brokerTimeout how long a broker call may take before its outcome counts as unknown
 * @param reconcileInterval how often orders of unknown outcome are reconciled
 * @param openingCash the cash an account starts with unless set for it
 * @param replayDays days of finished orders kept in memory after a restart
 */
public record OrdersConfig(
    Path brokerStateDirectory,
    Duration brokerTimeout,
    Duration reconcileInterval,
    BigDecimal openingCash,
    int replayDays) {}
