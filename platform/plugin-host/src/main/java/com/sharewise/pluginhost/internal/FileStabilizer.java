package com.sharewise.pluginhost.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Debounces folder listings: a file is reported ready once its size and modification time have not
 * changed for a quiet period, so a jar still being copied is not installed half-written. Pure
 * logic, not thread-safe (used by the watcher thread only).
 */
final class FileStabilizer {

  /** Size and modification time of a file at one listing. */
  record Stamp(long size, long modifiedNanos) {}

  /** What one listing changed: files ready to sync, files gone, and whether some are settling. */
  record Changes(List<Path> ready, List<Path> removed, boolean settling) {}

  private record Observation(Stamp stamp, long sinceNanos, boolean reported) {}

  private final long quietNanos;
  private final Map<Path, Observation> files = new HashMap<>();

  FileStabilizer(long quietNanos) {
    this.quietNanos = quietNanos;
  }

  /** Takes {@code listing} as already synced (the boot install reads these files itself). */
  void seed(Map<Path, Stamp> listing, long nowNanos) {
    files.clear();
    listing.forEach((file, stamp) -> files.put(file, new Observation(stamp, nowNanos, true)));
  }

  /** Compares a new listing of the folder with the previous ones. */
  Changes observe(Map<Path, Stamp> listing, long nowNanos) {
    List<Path> ready = new ArrayList<>();
    List<Path> removed = new ArrayList<>();
    boolean settling = false;
    for (Map.Entry<Path, Stamp> file : listing.entrySet()) {
      Observation seen = files.get(file.getKey());
      if (seen == null || !seen.stamp().equals(file.getValue())) {
        files.put(file.getKey(), new Observation(file.getValue(), nowNanos, false));
        settling = true;
      } else if (!seen.reported()) {
        if (nowNanos - seen.sinceNanos() >= quietNanos) {
          files.put(file.getKey(), new Observation(seen.stamp(), seen.sinceNanos(), true));
          ready.add(file.getKey());
        } else {
          settling = true;
        }
      }
    }
    for (Iterator<Path> known = files.keySet().iterator(); known.hasNext(); ) {
      Path file = known.next();
      if (!listing.containsKey(file)) {
        known.remove();
        removed.add(file);
      }
    }
    ready.sort(null);
    removed.sort(null);
    return new Changes(ready, removed, settling);
  }
}
