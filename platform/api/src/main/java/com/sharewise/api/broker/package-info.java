/**
 * The broker plugin SPI: how ShareWise places orders with a broker and reads its books.
 *
 * <p>A broker plugin is an OSGi bundle that registers one {@link
 * com.sharewise.api.broker.BrokerAdapterFactory} service. For each account bound to the broker the
 * platform calls {@link com.sharewise.api.broker.BrokerAdapterFactory#create} once and then talks
 * to the returned {@link com.sharewise.api.broker.BrokerAdapter}. The adapter reports asynchronous
 * events (order status changes, fills, connection state) through the {@link
 * com.sharewise.api.broker.BrokerCallback} in its {@link com.sharewise.api.broker.BrokerContext}.
 * The shape follows factory → adapter → callback, as in openHAB's thing handlers.
 */
@Export
@Version("1.0.0")
package com.sharewise.api.broker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
