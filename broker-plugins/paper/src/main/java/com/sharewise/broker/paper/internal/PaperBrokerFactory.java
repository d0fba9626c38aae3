package com.sharewise.broker.paper.internal;

import com.sharewise.api.broker.BrokerAdapter;
import com.sharewise.api.broker.BrokerAdapterFactory;
import com.sharewise.api.broker.BrokerCapability;
import com.sharewise.api.broker.BrokerContext;
import com.sharewise.api.broker.BrokerDescriptor;
import com.sharewise.api.broker.BrokerException;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;

/**
 * The paper broker, ShareWise's default: simulated fills against live quotes (depth, traded volume,
 * latency, exchange checks, Indian equity charges), with a durable book per account (see {@link
 * PaperBrokerAdapter}; settings in {@link PaperSettings}). Holds no state; registered by
 * Declarative Services.
 */
@Component(service = BrokerAdapterFactory.class)
public final class PaperBrokerFactory implements BrokerAdapterFactory {

  private static final BrokerDescriptor DESCRIPTOR =
      new BrokerDescriptor(
          "paper",
          "Paper trading",
          EnumSet.of(
              BrokerCapability.PLACE_ORDERS,
              BrokerCapability.MODIFY_ORDERS,
              BrokerCapability.CANCEL_ORDERS,
              BrokerCapability.ORDER_BOOK,
              BrokerCapability.TRADE_BOOK,
              BrokerCapability.POSITIONS),
          PaperSettings.specs());

  @Override
  public BrokerDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public BrokerAdapter create(BrokerContext context) throws BrokerException {
    return PaperBrokerAdapter.open(context);
  }
}
