package com.sharewise.server.ws;

/** One client's subscription to one topic: its place in that client's queue. */
final class Subscription {

  final ClientSession client;
  final Topic topic;
  final ConflationQueue.Slot slot;

  Subscription(ClientSession client, Topic topic) {
    this.client = client;
    this.topic = topic;
    this.slot = client.queue().newSlot();
  }

  /**
   * Queues a value for this client and makes sure its sender runs.
   *
   * @param sendHere true on a fan-out thread: an idle sender is run right here rather than handed
   *     to the pool
   */
  void deliver(long version, byte[] message, boolean sendHere) {
    if (client.queue().offer(slot, version, message)) {
      client.wake(sendHere);
    }
  }

  /** Queues a value that must not be conflated away (an order event), in order. */
  void deliverInOrder(byte[] message, boolean sendHere) {
    client.event(message, sendHere);
  }
}
