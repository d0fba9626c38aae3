package com.sharewise.orders;

/**
 * Works parent orders ({@link Algorithm} other than DIRECT) by placing child orders through {@link
 * OrderService#placeChild}. The order service calls it after the parent is journaled, and tells it
 * about every change of a child.
 */
public interface ExecutionAlgorithms {

  /** Refuses every algorithm (when none are installed). */
  ExecutionAlgorithms NONE =
      new ExecutionAlgorithms() {
        @Override
        public void validate(OrderCommand command) {
          if (command.algorithm() != Algorithm.DIRECT) {
            throw new OrderException(
                OrderException.Reason.INVALID,
                "execution algorithm " + command.algorithm() + " is not available here");
          }
        }

        @Override
        public void start(Order parent) {}

        @Override
        public void childChanged(Order parent, Order child) {}

        @Override
        public void cancel(Order parent) {}
      };

  /**
   * Checks the algorithm's parameters before anything is journaled.
   *
   * @throws OrderException {@code INVALID} naming the bad parameter
   */
  void validate(OrderCommand command);

  /** Begins working a journaled parent. */
  void start(Order parent);

  /** A child of {@code parent} changed (filled, cancelled, rejected…). */
  void childChanged(Order parent, Order child);

  /** The parent was cancelled: stop placing children (the service cancels the open ones). */
  void cancel(Order parent);

  /**
   * After a restart: continues the parents read from the journal that still need work, rebuilding
   * their state from their children. {@link OrderService#recover} calls it once, with every parent
   * and child it replayed.
   */
  default void resume(java.util.List<Order> parents, java.util.List<Order> children) {}
}
