/**
 * Building blocks the strategy plugins share: incremental indicators fed one bar at a time with no
 * allocation (a backtest feeds millions of bars a second), crossing detection, and numbers as
 * signals show them. Depends on nothing but the JDK. Not exported by any bundle: each plugin embeds
 * the classes it uses through bnd's {@code -conditionalpackage}, so a plugin stays one
 * self-contained jar whose imports are the SPI and ta4j only.
 */
package com.sharewise.strategy.toolkit;
