/**
 * An example of a host writing its own plugin: {@link dev.billops.examples.gateway.HttpPaymentGateway},
 * a {@link dev.billops.spi.PaymentGateway} for a JSON-over-HTTP payment service, registered in
 * {@code META-INF/services/dev.billops.spi.PaymentGateway} and found by
 * {@code PluginRegistry.builder().discover()}.
 */
@NullMarked
package dev.billops.examples.gateway;

import org.jspecify.annotations.NullMarked;
