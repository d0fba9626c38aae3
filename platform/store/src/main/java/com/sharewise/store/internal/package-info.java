/**
 * Implementation of the store: embedded PostgreSQL lifecycle, error wording. Not API; may change
 * without notice.
 */
package com.sharewise.store.internal;
