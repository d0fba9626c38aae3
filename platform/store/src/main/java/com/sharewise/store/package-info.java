/**
 * Persistence for the ShareWise platform: one PostgreSQL database, embedded or external.
 *
 * <p>{@link com.sharewise.store.Store#open(StoreConfig)} brings the database up (starting an
 * embedded server when no JDBC URL is configured), pools connections, applies the Flyway migrations
 * under {@code db/migration} and hands out a jOOQ {@link org.jooq.DSLContext}. Typed repositories
 * such as {@link com.sharewise.store.PluginEventLog} sit on top of the jOOQ classes generated from
 * those same migration scripts at build time.
 *
 * <p>Everything under {@code com.sharewise.store.internal} is implementation detail.
 */
package com.sharewise.store;
