package dev.billops.spi.autopay;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.BillingException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.InvoiceStore;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.payment.PaymentStore;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges a {@link PaymentGateway} for issued invoices of clients with autopay, and settles
 * charges whose result was not known at once.
 *
 * <p><b>Charging.</b> On {@code invoice.issued} (as a listener; register it with
 * {@code PluginRegistry.add}) or on {@link #charge(InvoiceId)}: for an issued invoice of a client
 * with {@link Client#autopayEnabled()} and a positive balance, it first marks the invoice
 * (metadata {@value #KEY_METADATA} and {@value #AMOUNT_METADATA}) and then charges the balance with
 * the idempotency key {@code autopay:<tenant>:<invoice id>}. SUCCEEDED records a payment with the
 * same key, method {@value #METHOD}, the gateway's reference, allocated to the invoice. FAILED
 * records a failed attempt ({@code payment.failed}). PENDING, UNKNOWN, a timeout or a gateway
 * error records nothing: the invoice stays open for {@link #reconcile}.
 *
 * <p><b>Never twice.</b> Once an invoice is marked, autopay never calls {@code charge} for it
 * again: {@link #charge} and {@link #reconcile} ask {@link PaymentGateway#status} for the key and
 * record what it says. A payment recorded with the key ends it (recording is idempotent by key
 * too). The gateway should be the registry's guarded one, so timeouts and failures show in its
 * health.
 *
 * <p>Thread-safe. Two concurrent charges of one invoice may both reach the gateway; its
 * idempotency key makes that one charge.
 */
public final class Autopay implements BillingEventListener {

    /** The plugin id of autopay as a listener. */
    public static final String ID = "autopay";
    /** The payment method recorded for autopay payments. */
    public static final String METHOD = "autopay";
    /** Invoice metadata key: the idempotency key of the charge made for the invoice. */
    public static final String KEY_METADATA = "autopay.key";
    /** Invoice metadata key: the amount charged (plain decimal, in the invoice's currency). */
    public static final String AMOUNT_METADATA = "autopay.amount";

    private static final Logger LOG = LoggerFactory.getLogger(Autopay.class);

    private final Function<TenantId, TenantBilling> tenants;
    private final @Nullable TenantBilling single;
    private final PaymentGateway gateway;

    /** Autopay of one tenant; events of other tenants are ignored. */
    public Autopay(TenantBilling tenant, PaymentGateway gateway) {
        this.single = Objects.requireNonNull(tenant, "tenant");
        this.tenants = t -> tenant;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /** Autopay of every tenant of {@code billing}, changes attributed to {@code system:autopay}. */
    public Autopay(Billing billing, PaymentGateway gateway) {
        Objects.requireNonNull(billing, "billing");
        this.single = null;
        this.tenants = t -> billing.tenant(t, Actor.system(ID));
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /** The idempotency key of the autopay charge of {@code invoice}: {@code autopay:<tenant>:<invoice id>}. */
    public static String idempotencyKey(TenantId tenant, InvoiceId invoice) {
        return "autopay:" + tenant.value() + ":" + invoice.value();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("invoice.issued");
    }

    /**
     * Charges the invoice of an {@code invoice.issued} event. Throws only when the result could
     * not be recorded (so the event is offered again, and then settled by status, not charged).
     */
    @Override
    public void onEvent(TenantId tenant, BillingEvent event) {
        if (!(event instanceof InvoiceIssued issued)) {
            return;
        }
        if (single != null && !single.scope().tenant().equals(tenant)) {
            LOG.debug("autopay of tenant {} ignores invoice.issued of tenant {}", single.scope().tenant(), tenant);
            return;
        }
        AutopayResult r = charge(tenants.apply(tenant), issued.invoiceId());
        LOG.info("autopay of invoice {} of tenant {}: {} {}", issued.number(), tenant, r.outcome(), r.message());
    }

    /** {@link #charge(TenantId, InvoiceId)} for the tenant of the single-tenant constructor. */
    public AutopayResult charge(InvoiceId invoice) {
        return charge(requireSingle(), invoice);
    }

    /**
     * Charges the balance of {@code invoice} if autopay applies and it was not charged before;
     * if it was, settles it from the gateway's status instead.
     *
     * @throws dev.billops.core.error.NotFoundException if the invoice or its client does not exist
     */
    public AutopayResult charge(TenantId tenant, InvoiceId invoice) {
        Objects.requireNonNull(tenant, "tenant");
        return charge(tenants.apply(tenant), invoice);
    }

    /** {@link #reconcile(TenantId)} for the tenant of the single-tenant constructor. */
    public List<AutopayResult> reconcile() {
        return reconcile(requireSingle());
    }

    /**
     * For every open invoice autopay charged (marked) that has no payment recorded with its key,
     * asks the gateway for the charge's status and records SUCCEEDED or FAILED; PENDING and
     * UNKNOWN stay open. Never calls {@code charge}.
     */
    public List<AutopayResult> reconcile(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return reconcile(tenants.apply(tenant));
    }

    private TenantBilling requireSingle() {
        if (single == null) {
            throw new IllegalStateException("this autopay serves every tenant; name the tenant");
        }
        return single;
    }

    private AutopayResult charge(TenantBilling tb, InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoice");
        TenantId tenant = tb.scope().tenant();
        String key = idempotencyKey(tenant, invoiceId);
        Invoice inv = tb.invoices().get(invoiceId);
        if (inv.type() != DocumentType.INVOICE
                || (inv.status() != InvoiceStatus.ISSUED && inv.status() != InvoiceStatus.PARTIALLY_PAID)) {
            return skipped(inv, key, "invoice " + label(inv) + " is " + inv.status() + " " + inv.type());
        }
        Optional<Payment> recorded = recorded(tb, key);
        if (recorded.isPresent()) {
            return alreadyRecorded(inv, key, recorded.get());
        }
        Client client = tb.clients().get(inv.clientId());
        if (inv.metadata().containsKey(KEY_METADATA)) {
            return settle(tb, inv, client, key, chargedAmount(inv), statusOf(key));
        }
        if (!client.autopayEnabled()) {
            return skipped(inv, key, "client " + client.id() + " has no autopay");
        }
        Money due = inv.amountDue();
        if (!due.isPositive()) {
            return skipped(inv, key, "invoice " + label(inv) + " owes nothing");
        }
        mark(tb, inv.id(), key, due);
        ChargeRequest request = new ChargeRequest(tenant, client.id(), inv.id(), Objects.requireNonNull(inv.number()),
                due, Objects.requireNonNull(client.paymentMethodRef(), "paymentMethodRef"), key);
        ChargeResult result;
        try {
            result = gateway.charge(request);
        } catch (PluginException e) {
            LOG.warn("autopay of invoice {} of tenant {}: charge {} has no known result, left for reconcile: {}",
                    label(inv), tenant, key, e.getMessage());
            return new AutopayResult(inv.id(), key, AutopayResult.Outcome.PENDING, null,
                    "charge result unknown (" + e.getMessage() + "); reconcile will ask the gateway");
        }
        return settle(tb, inv, client, key, due, result);
    }

    private List<AutopayResult> reconcile(TenantBilling tb) {
        TenantId tenant = tb.scope().tenant();
        List<Invoice> open = tb.scope().tx(s -> s.get(InvoiceStore.class).list(InvoiceQuery.open(null)));
        List<AutopayResult> out = new ArrayList<>();
        Map<ClientId, Client> clients = new HashMap<>();
        for (Invoice inv : open) {
            String key = inv.metadata().get(KEY_METADATA);
            if (key == null || recorded(tb, key).isPresent()) {
                continue;
            }
            AutopayResult r;
            try {
                Client client = clients.computeIfAbsent(inv.clientId(), id -> tb.clients().get(id));
                r = settle(tb, inv, client, key, chargedAmount(inv), statusOf(key));
            } catch (BillingException e) {
                LOG.warn("autopay reconcile of invoice {} of tenant {}: settling {} failed: {}", label(inv), tenant,
                        key, e.getMessage());
                r = new AutopayResult(inv.id(), key, AutopayResult.Outcome.PENDING, null,
                        "settling failed: " + e.getMessage());
            }
            out.add(r);
        }
        LOG.info("autopay reconcile of tenant {}: {} invoice(s) looked at", tenant, out.size());
        return out;
    }

    private ChargeResult statusOf(String key) {
        try {
            return gateway.status(key);
        } catch (PluginException e) {
            return ChargeResult.unknown("status lookup failed: " + e.getMessage());
        }
    }

    private AutopayResult settle(TenantBilling tb, Invoice inv, Client client, String key, Money amount,
            ChargeResult result) {
        switch (result.status()) {
            case SUCCEEDED -> {
                Payment p = tb.payments().record(PaymentRequest.of(client.id(), amount).withIdempotencyKey(key)
                        .withMethod(METHOD).withExternalRef(result.gatewayReference()).toInvoice(inv.id()));
                return new AutopayResult(inv.id(), key, AutopayResult.Outcome.PAID, p.id(),
                        "charged " + amount + " (gateway reference " + result.gatewayReference() + ")");
            }
            case FAILED -> {
                String reason = result.message().isBlank() ? "declined by the gateway" : result.message();
                Payment p = tb.payments().recordFailed(PaymentRequest.of(client.id(), amount).withIdempotencyKey(key)
                        .withMethod(METHOD).withExternalRef(result.gatewayReference()), inv.id(), reason);
                return new AutopayResult(inv.id(), key, AutopayResult.Outcome.FAILED, p.id(), reason);
            }
            default -> {
                return new AutopayResult(inv.id(), key, AutopayResult.Outcome.PENDING, null, "gateway says "
                        + result.status() + (result.message().isBlank() ? "" : ": " + result.message())
                        + "; reconcile later");
            }
        }
    }

    private static void mark(TenantBilling tb, InvoiceId id, String key, Money amount) {
        tb.scope().tx(s -> {
            InvoiceStore store = s.get(InvoiceStore.class);
            Invoice current = store.find(id).orElseThrow();
            Map<String, String> meta = new HashMap<>(current.metadata());
            meta.put(KEY_METADATA, key);
            meta.put(AMOUNT_METADATA, amount.amount().toPlainString());
            Invoice after = store.update(current.withMetadata(meta));
            tb.scope().audit(s, "autopay.charge", "invoice", id.value(), current, after);
            return null;
        });
    }

    private static Money chargedAmount(Invoice inv) {
        String a = inv.metadata().get(AMOUNT_METADATA);
        return a != null ? Money.of(inv.currency(), a) : inv.amountDue();
    }

    private static Optional<Payment> recorded(TenantBilling tb, String key) {
        return tb.scope().tx(s -> s.get(PaymentStore.class).findByIdempotencyKey(key));
    }

    private static AutopayResult alreadyRecorded(Invoice inv, String key, Payment p) {
        boolean failed = p.status() == PaymentStatus.FAILED;
        return new AutopayResult(inv.id(), key, failed ? AutopayResult.Outcome.FAILED : AutopayResult.Outcome.PAID,
                p.id(), "already recorded as payment " + p.id() + " (" + p.status() + ")");
    }

    private static AutopayResult skipped(Invoice inv, String key, String why) {
        return new AutopayResult(inv.id(), key, AutopayResult.Outcome.SKIPPED, null, why);
    }

    private static String label(Invoice inv) {
        return inv.number() != null ? inv.number() : inv.id().value();
    }

    @Override
    public String toString() {
        return "Autopay[gateway=" + gateway.id() + (single != null ? ", tenant=" + single.scope().tenant() : "") + "]";
    }
}
