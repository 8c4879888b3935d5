/**
 * The runtime that calls plugins safely: {@link dev.billops.spi.runtime.PluginRegistry} discovers
 * and configures them and hands each out behind a guard (per-plugin timeout, retries of
 * {@link dev.billops.spi.TransientPluginException}s per {@link dev.billops.spi.runtime.RetryPolicy}, health
 * from what it saw), and {@link dev.billops.spi.runtime.EventDelivery} hands committed events to
 * the listeners at least once, deduplicated in a {@link dev.billops.core.spi.DeliveryLog}. The
 * sub-packages are services built on it: {@code autopay}, {@code calendar} (import), {@code notify}.
 *
 * <p>Hosts use this package; plugin authors need only {@code dev.billops.spi}, which does not
 * depend on it. It is named {@code dev.billops.spi.runtime}, inside the jar's module name
 * {@code dev.billops.spi}, so that every package of the jar starts with its module name.
 */
@NullMarked
package dev.billops.spi.runtime;

import org.jspecify.annotations.NullMarked;
