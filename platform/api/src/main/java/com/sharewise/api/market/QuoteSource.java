package com.sharewise.api.market;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the platform's quote book: the latest tick per instrument, shared by every node.
 *
 * <p>Implemented by the platform and handed to plugins (for example to a paper broker that fills
 * against live prices). Thread-safe; {@link #latest} never blocks on the network for long and may
 * be called from any thread.
 */
@ProviderType
public interface QuoteSource {

  /** The newest tick seen for {@code instrument}, or empty when none has arrived yet. */
  Optional<Tick> latest(InstrumentId instrument);
}
