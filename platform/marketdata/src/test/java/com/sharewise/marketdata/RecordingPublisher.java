package com.sharewise.marketdata;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the latest payload per (channel, key), as the hub would for a new subscriber. */
public final class RecordingPublisher implements StreamPublisher {

  private final Map<String, Object> latest = new ConcurrentHashMap<>();

  @Override
  public void publish(String channel, String key, Object payload) {
    latest.put(channel + " " + key, payload);
  }

  @Override
  public boolean hasSubscribers(String channel, String key) {
    return true;
  }

  /** The latest payload of (channel, key), or null. */
  public Object latest(String channel, String key) {
    return latest.get(channel + " " + key);
  }
}
