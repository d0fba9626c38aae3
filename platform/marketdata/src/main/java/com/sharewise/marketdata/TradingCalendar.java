package com.sharewise.marketdata;

import com.sharewise.api.market.Ist;
import com.sharewise.api.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the market is open and where bars start and end: the NSE cash session, 09:15–15:30 IST on
 * weekdays that are not holidays, or (for demos) a market that never closes.
 *
 * <p>Bars align to the session open: intraday bars start at 09:15 IST plus a whole number of bar
 * lengths, and a bar that would run past the session close is cut short (the last 1h bar is
 * 15:15–15:30, and so is the last 30m bar). A daily bar is one session and opens at 09:15 IST. In
 * always-open mode a session runs from 09:15 IST to 09:15 IST the next day, every day, so every
 * timeframe divides it and no bar is short.
 *
 * <p>India has no daylight saving time, so all arithmetic is done on epoch milliseconds with the
 * fixed +05:30 offset. Immutable and thread-safe.
 */
public final class TradingCalendar {

  /** The NSE cash market's continuous session opens at 09:15 IST. */
  public static final LocalTime SESSION_OPEN = LocalTime.of(9, 15);

  /** …and closes at 15:30 IST. */
  public static final LocalTime SESSION_CLOSE = LocalTime.of(15, 30);

  private static final long DAY_MS = Ist.DAY_MILLIS;
  private static final long OPEN_MS = SESSION_OPEN.toSecondOfDay() * 1000L;
  private static final long CLOSE_MS = SESSION_CLOSE.toSecondOfDay() * 1000L;

  private final boolean alwaysOpen;
  private final Set<LocalDate> holidays;

  private TradingCalendar(boolean alwaysOpen, Set<LocalDate> holidays) {
    this.alwaysOpen = alwaysOpen;
    this.holidays = Set.copyOf(holidays);
  }

  /** The NSE session on weekdays, closed on {@code holidays} (dates in IST). */
  public static TradingCalendar nse(Set<LocalDate> holidays) {
    return new TradingCalendar(false, Objects.requireNonNull(holidays, "holidays"));
  }

  /** The NSE session on weekdays, with no holidays. */
  public static TradingCalendar nse() {
    return nse(Set.of());
  }

  /** A market that is always open: one 24-hour session per day starting 09:15 IST. */
  public static TradingCalendar alwaysOpen() {
    return new TradingCalendar(true, Set.of());
  }

  /** Whether this calendar never closes. */
  public boolean isAlwaysOpen() {
    return alwaysOpen;
  }

  /**
   * One trading session, {@code [open, close)}.
   *
   * @param date the IST date the session opens on
   * @param open when it opens
   * @param close when it closes (exclusive)
   */
  public record Session(LocalDate date, Instant open, Instant close) {

    /** Whether {@code time} falls inside the session. */
    public boolean contains(Instant time) {
      return !time.isBefore(open) && time.isBefore(close);
    }
  }

  /**
   * The span of one bar, {@code [open, close)}. {@code close} is earlier than {@code open +
   * timeframe} for a bar cut short by the session close.
   */
  public record Interval(Instant open, Instant close) {}

  /** The session {@code time} falls in, or empty when the market is closed then. */
  public Optional<Session> session(Instant time) {
    long[] span = sessionMillis(time.toEpochMilli());
    return span == null ? Optional.empty() : Optional.of(toSession(span));
  }

  /** Whether the market is open at {@code time}. */
  public boolean isOpen(Instant time) {
    return sessionMillis(time.toEpochMilli()) != null;
  }

  /** The session that opens on {@code date}, or empty on weekends and holidays. */
  public Optional<Session> sessionOn(LocalDate date) {
    long dayStart = Ist.epochMillis(date.toEpochDay(), 0);
    if (!alwaysOpen && !isTradingDay(date)) {
      return Optional.empty();
    }
    long open = dayStart + OPEN_MS;
    return Optional.of(
        toSession(new long[] {open, alwaysOpen ? open + DAY_MS : dayStart + CLOSE_MS}));
  }

  /**
   * The next session that opens strictly after {@code time} (skipping weekends and holidays, up to
   * a year ahead).
   */
  public Optional<Session> nextSession(Instant time) {
    LocalDate date = Ist.date(time);
    for (int i = 0; i < 370; i++) {
      Optional<Session> session = sessionOn(date.plusDays(i));
      if (session.isPresent() && session.get().open().isAfter(time)) {
        return session;
      }
    }
    return Optional.empty();
  }

  /** The bar of {@code timeframe} that {@code time} belongs to, or empty outside the session. */
  public Optional<Interval> barInterval(Timeframe timeframe, Instant time) {
    long[] span = barMillis(timeframe, time.toEpochMilli());
    return span == null
        ? Optional.empty()
        : Optional.of(new Interval(Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1])));
  }

  /**
   * Like {@link #barInterval} on epoch milliseconds, for the tick path: {@code {open, close}}, or
   * null outside the session.
   */
  public long[] barMillis(Timeframe timeframe, long epochMillis) {
    long[] session = sessionMillis(epochMillis);
    if (session == null) {
      return null;
    }
    if (timeframe == Timeframe.D1) {
      return session;
    }
    long length = timeframe.duration().toMillis();
    long open = session[0] + Math.floorDiv(epochMillis - session[0], length) * length;
    return new long[] {open, Math.min(open + length, session[1])};
  }

  /** {@code {open, close}} of the session containing {@code epochMillis}, or null. */
  public long[] sessionMillis(long epochMillis) {
    long day = Ist.epochDay(epochMillis);
    long timeOfDay = Ist.millisOfDay(epochMillis);
    if (alwaysOpen) {
      long sessionDay = timeOfDay >= OPEN_MS ? day : day - 1;
      long open = Ist.epochMillis(sessionDay, OPEN_MS);
      return new long[] {open, open + DAY_MS};
    }
    if (timeOfDay < OPEN_MS || timeOfDay >= CLOSE_MS || !isTradingDay(LocalDate.ofEpochDay(day))) {
      return null;
    }
    return new long[] {Ist.epochMillis(day, OPEN_MS), Ist.epochMillis(day, CLOSE_MS)};
  }

  /**
   * Whether {@code time} is where a bar of {@code timeframe} may start: for intraday timeframes a
   * whole number of bar lengths after 09:15 IST on that date (at any hour, so special sessions such
   * as Muhurat trading import too); for daily bars any time (see {@link #dailyOpen}).
   */
  public static boolean isAligned(Timeframe timeframe, Instant time) {
    if (timeframe == Timeframe.D1) {
      return true;
    }
    long sinceOpen = Ist.millisOfDay(time.toEpochMilli()) - OPEN_MS;
    return Math.floorMod(sinceOpen, timeframe.duration().toMillis()) == 0;
  }

  /** The daily bar's open time for the IST date of {@code time}: 09:15 IST that day. */
  public static Instant dailyOpen(Instant time) {
    return dailyOpen(Ist.date(time));
  }

  /** 09:15 IST on {@code date}. */
  public static Instant dailyOpen(LocalDate date) {
    return Instant.ofEpochMilli(Ist.epochMillis(date.toEpochDay(), OPEN_MS));
  }

  private boolean isTradingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  private static Session toSession(long[] span) {
    return new Session(
        LocalDate.ofEpochDay(Ist.epochDay(span[0])),
        Instant.ofEpochMilli(span[0]),
        Instant.ofEpochMilli(span[1]));
  }

  @Override
  public String toString() {
    return alwaysOpen
        ? "always open (sessions 09:15–09:15 IST)"
        : "NSE 09:15–15:30 IST, weekdays"
            + (holidays.isEmpty() ? "" : ", " + holidays.size() + " holidays");
  }
}
