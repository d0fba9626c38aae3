/**
 * Test doubles for plugin authors: unit-test a plugin against the SPI alone, without starting the
 * platform. Use as a test-scope dependency ({@code sharewise-api-testkit}); nothing here is
 * exported to or used by the plugin host.
 */
package com.sharewise.api.testing;
