package dev.billops.spi.runtime;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.BillingPlugin;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarReading;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.StoredDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The plugins as the registry hands them out: every method runs through the plugin's
 * {@link PluginGuard}. {@code configure} is the registry's job and throws here.
 */
final class Guarded {

    private Guarded() {
    }

    /** What every wrapper shares. */
    abstract static class Base<P extends BillingPlugin> implements BillingPlugin {
        final P plugin;
        final PluginGuard guard;

        Base(P plugin, PluginGuard guard) {
            this.plugin = Objects.requireNonNull(plugin, "plugin");
            this.guard = Objects.requireNonNull(guard, "guard");
        }

        @Override
        public final String id() {
            return guard.id();
        }

        @Override
        public final void configure(PluginConfig config) {
            throw new IllegalStateException("plugin " + guard.id() + " is configured by the registry, once");
        }

        @Override
        public final PluginHealth health() {
            return guard.health(plugin::health);
        }

        abstract String kind();

        @Override
        public final String toString() {
            return "Guarded" + kind() + "[" + guard.id() + "]";
        }
    }

    static final class Calendar extends Base<CalendarSource> implements CalendarSource {
        Calendar(CalendarSource p, PluginGuard g) {
            super(p, g);
        }

        @Override
        public List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive) {
            Objects.requireNonNull(fromInclusive, "fromInclusive");
            Objects.requireNonNull(toExclusive, "toExclusive");
            return guard.call("events", () -> plugin.events(fromInclusive, toExclusive),
                    Guarded::noNullElements).stream().toList();
        }

        @Override
        public CalendarReading read(Instant fromInclusive, Instant toExclusive) {
            Objects.requireNonNull(fromInclusive, "fromInclusive");
            Objects.requireNonNull(toExclusive, "toExclusive");
            return guard.call("events", () -> plugin.read(fromInclusive, toExclusive), r -> noNullElements(r.events()));
        }

        @Override
        String kind() {
            return "CalendarSource";
        }
    }

    static final class Gateway extends Base<PaymentGateway> implements PaymentGateway {
        Gateway(PaymentGateway p, PluginGuard g) {
            super(p, g);
        }

        @Override
        public ChargeResult charge(ChargeRequest request) {
            Objects.requireNonNull(request, "request");
            return guard.call("charge", () -> plugin.charge(request), Guarded::checkCharge);
        }

        @Override
        public ChargeResult status(String idempotencyKey) {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            return guard.call("status", () -> plugin.status(idempotencyKey), Guarded::checkCharge);
        }

        @Override
        public ChargeResult refund(String gatewayReference, Money amount, String idempotencyKey) {
            Objects.requireNonNull(gatewayReference, "gatewayReference");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            return guard.call("refund", () -> plugin.refund(gatewayReference, amount, idempotencyKey),
                    Guarded::checkCharge);
        }

        @Override
        String kind() {
            return "PaymentGateway";
        }
    }

    static final class Notify extends Base<Notifier> implements Notifier {
        Notify(Notifier p, PluginGuard g) {
            super(p, g);
        }

        @Override
        public void send(Notification notification) {
            Objects.requireNonNull(notification, "notification");
            guard.run("send", () -> plugin.send(notification));
        }

        @Override
        public Set<Notification.Kind> kinds() {
            return Set.copyOf(guard.query("kinds", plugin::kinds, Guarded::noNullElements));
        }

        @Override
        String kind() {
            return "Notifier";
        }
    }

    static final class Documents extends Base<DocumentStore> implements DocumentStore {
        Documents(DocumentStore p, PluginGuard g) {
            super(p, g);
        }

        @Override
        public StoredDocument put(TenantId tenant, String documentId, String contentType, byte[] content) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            return guard.call("put", () -> plugin.put(tenant, documentId, contentType, content), d -> null);
        }

        @Override
        public Optional<byte[]> get(TenantId tenant, String documentId) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(documentId, "documentId");
            return guard.call("get", () -> plugin.get(tenant, documentId), d -> null);
        }

        @Override
        public boolean delete(TenantId tenant, String documentId) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(documentId, "documentId");
            return guard.call("delete", () -> plugin.delete(tenant, documentId), d -> null);
        }

        @Override
        public List<String> list(TenantId tenant, String prefix) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(prefix, "prefix");
            return guard.call("list", () -> plugin.list(tenant, prefix), Guarded::noNullElements).stream().toList();
        }

        @Override
        String kind() {
            return "DocumentStore";
        }
    }

    static final class Listener extends Base<BillingEventListener> implements BillingEventListener {
        Listener(BillingEventListener p, PluginGuard g) {
            super(p, g);
        }

        @Override
        public void onEvent(TenantId tenant, BillingEvent event) {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(event, "event");
            guard.run("onEvent", () -> plugin.onEvent(tenant, event));
        }

        @Override
        public Set<String> eventTypes() {
            return Set.copyOf(guard.query("eventTypes", plugin::eventTypes, Guarded::noNullElements));
        }

        @Override
        String kind() {
            return "Listener";
        }
    }

    private static @Nullable String noNullElements(java.util.Collection<?> values) {
        for (Object v : values) {
            if (v == null) {
                return "a null element";
            }
        }
        return null;
    }

    private static @Nullable String checkCharge(ChargeResult r) {
        if (r.status() == ChargeResult.Status.SUCCEEDED
                && (r.gatewayReference() == null || r.gatewayReference().isBlank())) {
            return "SUCCEEDED without a gateway reference";
        }
        return null;
    }
}
