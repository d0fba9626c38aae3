package com.sharewise.orders;

import java.util.Optional;

/** The accounts orders may be placed for. Thread-safe and fast (called once per order). */
public interface AccountDirectory {

  /**
   * A trading account as the order path needs it.
   *
   * @param id the account id
   * @param ownerId the owning user's id
   * @param brokerId the broker plugin it trades through, e.g. {@code paper}
   * @param enabled whether trading is enabled
   */
  record AccountInfo(long id, long ownerId, String brokerId, boolean enabled) {}

  Optional<AccountInfo> find(long accountId);
}
