package com.sharewise.api.broker;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.MarketDataFeed;
import com.sharewise.api.market.Timeframe;
import com.sharewise.api.trading.Fill;
import com.sharewise.api.trading.Holding;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderRequest;
import com.sharewise.api.trading.OrderUpdate;
import com.sharewise.api.trading.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One account's connection to a broker.
 *
 * <h2>Lifecycle</h2>
 *
 * Created by {@link BrokerAdapterFactory#create}; the platform then calls {@link #connect} before
 * anything else, and {@link #close} exactly once when the account is unbound, the plugin is updated
 * or the platform stops. After close, no method is called again and the adapter must not use its
 * callback.
 *
 * <h2>Threading and time limits</h2>
 *
 * The platform calls the adapter from its own executor for this adapter; calls for different orders
 * may run concurrently, so the adapter must be thread-safe. Every call is bounded by the platform's
 * broker timeout: a call that has not returned by then is abandoned, and for order calls the order
 * becomes UNKNOWN and is reconciled through {@link #orderBook()}. So a call should fail with {@link
 * BrokerException.Reason#OUTCOME_UNKNOWN} rather than block when it cannot tell whether the broker
 * acted.
 *
 * <h2>Idempotency</h2>
 *
 * {@link OrderRequest#clientOrderId()} must travel with the order to the broker (its {@code tag})
 * and come back in {@link OrderUpdate#clientOrderId()} in the order book, so an order of unknown
 * outcome can be found. The platform never calls {@link #placeOrder} twice with one client order
 * id, but after a restart it may ask for an order it placed before: a {@code placeOrder} with a
 * client order id the adapter already knows must return that order's current state (even if
 * REJECTED) and send nothing. A refusal is reported by throwing; it need not also go to the
 * callback.
 *
 * <p>Operations the broker does not offer throw {@link BrokerException#unsupported(String)}; the
 * default methods here do so.
 */
@ConsumerType
public interface BrokerAdapter extends AutoCloseable {

  /** Opens the session (log in, open sockets). Called once, before any other call. */
  void connect() throws BrokerException;

  /**
   * Sends a new order.
   *
   * @return the order's state right after the broker accepted or refused it, with the broker's
   *     order id when accepted
   * @throws BrokerException with {@code REJECTED} when refused before reaching the exchange, or
   *     {@code OUTCOME_UNKNOWN} when the broker may have received it
   */
  OrderUpdate placeOrder(OrderRequest request) throws BrokerException;

  /** Changes an open order; returns the state after the change. */
  default OrderUpdate modifyOrder(
      String clientOrderId, String brokerOrderId, OrderModification modification)
      throws BrokerException {
    throw BrokerException.unsupported("modifying orders");
  }

  /** Cancels an open order; returns the state after the request. */
  default OrderUpdate cancelOrder(String clientOrderId, String brokerOrderId)
      throws BrokerException {
    throw BrokerException.unsupported("cancelling orders");
  }

  /** Today's orders at the broker, each with the client order id it was placed with. */
  List<OrderUpdate> orderBook() throws BrokerException;

  /** Today's executions. */
  default List<Fill> tradeBook() throws BrokerException {
    throw BrokerException.unsupported("the trade book");
  }

  /** Net positions as the broker sees them. */
  default List<Position> positions() throws BrokerException {
    throw BrokerException.unsupported("positions");
  }

  /** Demat holdings. */
  default List<Holding> holdings() throws BrokerException {
    throw BrokerException.unsupported("holdings");
  }

  /** The broker's instrument master (may be large; called rarely). */
  default List<Instrument> instruments() throws BrokerException {
    throw BrokerException.unsupported("the instrument list");
  }

  /** Historical bars in {@code [from, to)}, oldest first. */
  default List<Bar> historicalBars(
      InstrumentId instrument, Timeframe timeframe, Instant from, Instant to)
      throws BrokerException {
    throw BrokerException.unsupported("historical bars");
  }

  /** The broker's live feed, if it offers one. The platform starts and stops it. */
  default Optional<MarketDataFeed> feed() {
    return Optional.empty();
  }

  /** Closes the session and releases threads and sockets. Must not throw. */
  @Override
  void close();
}
