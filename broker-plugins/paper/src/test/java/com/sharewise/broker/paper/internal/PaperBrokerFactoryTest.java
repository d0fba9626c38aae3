package com.sharewise.broker.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.api.broker.BrokerCapability;
import com.sharewise.api.broker.BrokerDescriptor;
import com.sharewise.api.param.ParameterSpec;
import com.sharewise.api.param.Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperBrokerFactoryTest {

  private final BrokerDescriptor descriptor = new PaperBrokerFactory().descriptor();

  @Test
  void describesThePaperBroker() {
    assertThat(descriptor.id()).isEqualTo("paper");
    assertThat(descriptor.name()).isEqualTo("Paper trading");
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(
            BrokerCapability.PLACE_ORDERS,
            BrokerCapability.MODIFY_ORDERS,
            BrokerCapability.CANCEL_ORDERS,
            BrokerCapability.ORDER_BOOK,
            BrokerCapability.TRADE_BOOK,
            BrokerCapability.POSITIONS);
  }

  @Test
  void offersExecutionAndFeeSettingsWithRealisticDefaults() {
    assertThat(descriptor.settings())
        .extracting(ParameterSpec::name)
        .containsExactly(
            "slippageBps",
            "latencyMillis",
            "participationPercent",
            "circuitPercent",
            "brokerageIntradayPercent",
            "brokerageDeliveryPercent",
            "brokerageCapRupees",
            "sttDeliveryPercent",
            "sttIntradaySellPercent",
            "exchangeChargeNsePercent",
            "exchangeChargeBsePercent",
            "sebiFeePerCrore",
            "stampDutyDeliveryPercent",
            "stampDutyIntradayPercent",
            "gstPercent",
            "durable",
            "journal");
    Map<String, Object> defaults = Parameters.defaults(descriptor.settings()).asMap();
    assertThat(defaults)
        .containsEntry("slippageBps", 0.0)
        .containsEntry("latencyMillis", 0L)
        .containsEntry("participationPercent", 100.0)
        .containsEntry("circuitPercent", 20.0)
        .containsEntry("brokerageIntradayPercent", 0.03)
        .containsEntry("brokerageCapRupees", 20.0)
        .containsEntry("exchangeChargeNsePercent", 0.00297)
        .containsEntry("gstPercent", 18.0)
        .containsEntry("durable", true)
        .containsEntry("journal", true);
  }
}
