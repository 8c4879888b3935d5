/**
 * The plugin contract: {@link dev.billops.spi.CalendarSource}, {@link dev.billops.spi.PaymentGateway},
 * {@link dev.billops.spi.Notifier}, {@link dev.billops.spi.DocumentStore} and
 * {@link dev.billops.spi.BillingEventListener}, each a {@link dev.billops.spi.BillingPlugin} with
 * a stable id, host configuration ({@link dev.billops.spi.PluginConfig}, {@link dev.billops.spi.Secret})
 * and a health check, with the values they exchange and the exceptions they throw. Everything a
 * plugin author needs, and nothing else.
 *
 * <p>Plugins are discovered with {@link java.util.ServiceLoader} (declare the implementation in
 * {@code META-INF/services/<interface name>}) or registered as instances by the host, and are
 * always called through the plugin registry of this jar's runtime package, which applies a
 * per-plugin timeout, retries {@link dev.billops.spi.TransientPluginException}s with backoff and
 * records failures in health, so that a failing plugin never breaks billing. This package does not
 * depend on the runtime.
 */
@NullMarked
package dev.billops.spi;

import org.jspecify.annotations.NullMarked;
