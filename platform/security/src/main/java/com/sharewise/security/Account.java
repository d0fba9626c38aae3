package com.sharewise.security;

import java.time.Instant;

/**
 * A trading account at a broker, owned by one user. Its credentials are not part of this record:
 * only {@link Accounts#credentials} opens them, for the broker adapter.
 *
 * @param id the account's id
 * @param ownerId the owning user's id
 * @param brokerPluginId the id of the broker plugin that trades it
 * @param name the owner's name for it
 * @param createdAt when it was created
 */
public record Account(
    long id, long ownerId, String brokerPluginId, String name, Instant createdAt) {}
