package com.sharewise.grid;

import java.util.List;

/**
 * The grid's state as health reports it.
 *
 * @param up whether the local member is running
 * @param members the addresses of the members this node currently sees, itself included
 * @param detail a short human-readable summary
 */
public record GridHealth(boolean up, List<String> members, String detail) {
  public GridHealth {
    members = List.copyOf(members);
  }
}
