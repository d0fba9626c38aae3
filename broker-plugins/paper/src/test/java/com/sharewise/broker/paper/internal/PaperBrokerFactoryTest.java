package com.sharewise.broker.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.broker.BrokerCapability;
import com.sharewise.api.broker.BrokerDescriptor;
import com.sharewise.api.param.ParameterSpec;
import org.junit.jupiter.api.Test;

class PaperBrokerFactoryTest {

  @Test
  void describesThePaperBroker() {
    BrokerDescriptor descriptor = new PaperBrokerFactory().descriptor();

    assertThat(descriptor.id()).isEqualTo("paper");
    assertThat(descriptor.name()).isEqualTo("Paper trading");
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(
            BrokerCapability.PLACE_ORDERS,
            BrokerCapability.CANCEL_ORDERS,
            BrokerCapability.ORDER_BOOK,
            BrokerCapability.TRADE_BOOK,
            BrokerCapability.POSITIONS);
    assertThat(descriptor.settings())
        .singleElement()
        .satisfies(
            (ParameterSpec slippage) -> {
              assertThat(slippage.name()).isEqualTo("slippageBps");
              assertThat(slippage.defaultValue()).isEqualTo(0.0);
              assertThat(slippage.min()).isEqualTo(0.0);
              assertThat(slippage.max()).isEqualTo(500.0);
            });
  }
}
