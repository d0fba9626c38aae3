package com.sharewise.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDepth;
import com.sharewise.api.market.Tick;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.strategy.Signal;
import com.sharewise.api.trading.AccountRef;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import com.sharewise.rules.model.OrderIntent;
import com.sharewise.rules.model.PriceType;
import com.sharewise.rules.model.Side;
import com.sharewise.rules.model.SignalAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPI values become the facts rule authors read. */
class FactsTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  @Test
  void aMarketOrderIsValuedAtTheLastPriceAndALimitOrderAtItsLimit() {
    OrderRequest market =
        new OrderRequest(
            "c-1",
            new AccountRef("acc-1"),
            INFY,
            OrderSide.SELL,
            10,
            OrderType.MARKET,
            null,
            null,
            Product.MIS,
            Validity.DAY);
    OrderRequest limit =
        new OrderRequest(
            "c-2",
            new AccountRef("acc-1"),
            INFY,
            OrderSide.BUY,
            10,
            OrderType.LIMIT,
            new BigDecimal("1490.5"),
            null,
            Product.CNC,
            Validity.DAY);

    OrderIntent m = Facts.intent(market, "", 1500);
    OrderIntent l = Facts.intent(limit, "sma-1", 1500);

    assertThat(m.side()).isEqualTo(Side.SELL);
    assertThat(m.priceType()).isEqualTo(PriceType.MARKET);
    assertThat(m.value()).isEqualTo(15_000);
    assertThat(m.manual()).isTrue();
    assertThat(l.value()).isEqualTo(14_905);
    assertThat(l.instrument()).isEqualTo("NSE:INFY");
  }

  @Test
  void aTickBecomesAQuoteWithItsAgeAndASignalKeepsItsAttributes() {
    Instant at = Instant.parse("2026-01-06T04:30:00Z");
    Tick tick = new Tick(INFY, at, 1500, 5, 1000, Double.NaN, 1500.5, MarketDepth.EMPTY);
    Signal signal =
        new Signal(
            "sma-1",
            INFY,
            Timeframe.M5,
            com.sharewise.api.strategy.SignalAction.ENTER_LONG,
            at,
            1500,
            "cross",
            Map.of("rsi", "28.4"));

    assertThat(Facts.quote(tick, at.plusMillis(250)).ageMillis()).isEqualTo(250);
    assertThat(Facts.quote(tick, at).bid()).isZero();
    assertThat(Facts.signal(signal, "acc-1").number("rsi")).isEqualTo(28.4);
    assertThat(Facts.signal(signal, "acc-1").action()).isEqualTo(SignalAction.ENTER_LONG);
    assertThat(Facts.signal(signal, "acc-1").timeframe()).isEqualTo("5m");
  }
}
