package com.sharewise.node.internal;

import com.sharewise.server.ws.StreamUser;
import com.sharewise.server.ws.SubscriptionAuthorizer;
import java.util.Set;

/**
 * Who may follow which WebSocket channel. Market data (quotes, bars) is for every logged-in user;
 * any other channel is refused until its area decides who may see which key (orders, positions and
 * signals belong to accounts, so they need an ownership check): fail closed.
 */
final class StreamAuthorizer implements SubscriptionAuthorizer {

  static final Set<String> MARKET_DATA = Set.of("quotes", "bars");

  @Override
  public boolean mayReceive(StreamUser user, String channel, String key) {
    return user.authenticated() && MARKET_DATA.contains(channel);
  }
}
