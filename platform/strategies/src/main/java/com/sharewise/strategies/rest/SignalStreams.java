package com.sharewise.strategies.rest;

import com.sharewise.server.ws.StreamChannel;
import com.sharewise.server.ws.StreamHub;
import com.sharewise.strategies.SignalListener;
import com.sharewise.strategies.StoredSignal;

/**
 * Pushes every stored strategy signal to WebSocket clients on {@value #SIGNALS}, keyed by account
 * id, in order.
 */
public final class SignalStreams implements SignalListener {

  public static final String SIGNALS = "signals";

  /** The channel to register with the hub. */
  public static StreamChannel channel() {
    return StreamChannel.events(SIGNALS);
  }

  private final StreamHub hub;

  public SignalStreams(StreamHub hub) {
    this.hub = hub;
  }

  @Override
  public void published(StoredSignal signal) {
    String key = Long.toString(signal.accountId());
    if (hub.hasSubscribers(SIGNALS, key)) {
      hub.publish(SIGNALS, key, SignalDto.of(signal));
    }
  }
}
