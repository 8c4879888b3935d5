package dev.billops.spi.runtime.autopay;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Internals;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import dev.billops.spi.PluginException;
import dev.billops.spi.runtime.PluginRegistry;
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
 * records a failed attempt ({@code payment.failed}). PENDING records nothing (outcome PENDING);
 * nor does an answer that says nothing, i.e. UNKNOWN, a timeout, an exception or garbage such as
 * {@code null} or SUCCEEDED without a reference (outcome ERROR): the invoice stays open for
 * {@link #reconcile}.
 *
 * <p><b>Re-arming.</b> Once a charge of an invoice ended without money moving (declined, or an
 * ERROR after which the gateway has no charge for the key), {@link #rearm} lets autopay charge
 * it again: only when the gateway confirms, by its status for the key, that the charge FAILED;
 * with a reason, recorded in the invoice's metadata ({@value #REARM_REASON_METADATA}) and in the
 * audit log (action {@code autopay.rearm}). The next charge uses a new key,
 * {@code autopay:<tenant>:<invoice id>:<attempt>}, so neither the gateway nor the payment store
 * takes it for the first one.
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
    /** Invoice metadata key: the attempt the next charge is (2 after the first re-arm, ...); absent means 1. */
    public static final String ATTEMPT_METADATA = "autopay.attempt";
    /** Invoice metadata key: why autopay was last re-armed, as given to {@link #rearm}. */
    public static final String REARM_REASON_METADATA = "autopay.rearm.reason";
    /** Longest reason {@link #rearm} accepts. */
    public static final int MAX_REARM_REASON = 200;

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

    /** The idempotency key of the first autopay charge of {@code invoice}: {@code autopay:<tenant>:<invoice id>}. */
    public static String idempotencyKey(TenantId tenant, InvoiceId invoice) {
        return "autopay:" + tenant.value() + ":" + invoice.value();
    }

    /**
     * The idempotency key of autopay charge number {@code attempt} of {@code invoice}: that of
     * {@link #idempotencyKey(TenantId, InvoiceId)} for the first, with {@code :<attempt>} appended
     * for those after a {@link #rearm}.
     */
    public static String idempotencyKey(TenantId tenant, InvoiceId invoice, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " must be at least 1");
        }
        return attempt == 1 ? idempotencyKey(tenant, invoice) : idempotencyKey(tenant, invoice) + ":" + attempt;
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
        if (single != null && !single.tenantId().equals(tenant)) {
            LOG.debug("autopay of tenant {} ignores invoice.issued of tenant {}", single.tenantId(), tenant);
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

    /** {@link #rearm(TenantId, InvoiceId, String)} for the tenant of the single-tenant constructor. */
    public String rearm(InvoiceId invoice, String reason) {
        return rearm(requireSingle(), invoice, reason);
    }

    /**
     * Lets autopay charge {@code invoice} again after a charge that moved no money: asks the
     * gateway for the status of the invoice's current key and, only if it says FAILED, clears the
     * charge mark, counts the attempt and records {@code reason} (metadata
     * {@value #REARM_REASON_METADATA} and an {@code autopay.rearm} audit record). Charges
     * nothing itself: the next {@link #charge} (or {@code invoice.issued} delivery) does, with the
     * key this returns.
     *
     * @param reason who confirmed that no charge happened, e.g. a support ticket; 1 to
     *     {@value #MAX_REARM_REASON} characters
     * @return the idempotency key of the next charge
     * @throws AutopayRearmRefusedException if the invoice was never charged by autopay, a payment
     *     for the key is recorded, or the gateway says SUCCEEDED, PENDING or cannot answer; nothing
     *     is changed then
     * @throws dev.billops.core.error.InvalidInputException if the reason is blank or too long
     * @throws dev.billops.core.error.NotFoundException if the invoice does not exist
     */
    public String rearm(TenantId tenant, InvoiceId invoice, String reason) {
        Objects.requireNonNull(tenant, "tenant");
        return rearm(tenants.apply(tenant), invoice, reason);
    }

    private String rearm(TenantBilling tb, InvoiceId invoiceId, String reason) {
        Objects.requireNonNull(invoiceId, "invoice");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > MAX_REARM_REASON) {
            throw new InvalidInputException("reason for re-arming autopay of invoice " + invoiceId + " must be 1-"
                    + MAX_REARM_REASON + " characters saying who confirmed that no charge happened (got "
                    + reason.length() + ")");
        }
        Invoice inv = tb.invoices().get(invoiceId);
        String key = inv.metadata().get(KEY_METADATA);
        if (key == null) {
            throw new AutopayRearmRefusedException(invoiceId, "invoice " + label(inv)
                    + " was never charged by autopay since it was last armed: nothing to re-arm");
        }
        Optional<Payment> recorded = recorded(tb, key);
        if (recorded.isPresent() && recorded.get().status() != PaymentStatus.FAILED) {
            throw new AutopayRearmRefusedException(invoiceId, "invoice " + label(inv) + ": payment "
                    + recorded.get().id() + " (" + recorded.get().status() + ") is recorded for charge " + key
                    + "; not re-armed");
        }
        ChargeResult status = statusOf(key);
        switch (status.status()) {
            case FAILED -> {
                // the gateway confirms that the charge with this key moved no money
            }
            case UNKNOWN -> throw new AutopayRearmRefusedException(invoiceId, "invoice " + label(inv)
                    + ": the gateway could not confirm that charge " + key + " did not happen (" + status.message()
                    + "); not re-armed");
            default -> throw new AutopayRearmRefusedException(invoiceId, "invoice " + label(inv)
                    + ": the gateway says charge " + key + " is " + status.status() + "; not re-armed");
        }
        int next = attempt(inv) + 1;
        Internals.scope(tb).tx(s -> {
            InvoiceStore store = s.get(InvoiceStore.class);
            Invoice current = store.find(invoiceId).orElseThrow();
            if (!key.equals(current.metadata().get(KEY_METADATA))) {
                throw new AutopayRearmRefusedException(invoiceId, "invoice " + label(current)
                        + " changed while it was re-armed (charge key now "
                        + current.metadata().get(KEY_METADATA) + "); not re-armed");
            }
            Map<String, String> meta = new HashMap<>(current.metadata());
            meta.remove(KEY_METADATA);
            meta.remove(AMOUNT_METADATA);
            meta.put(ATTEMPT_METADATA, Integer.toString(next));
            meta.put(REARM_REASON_METADATA, reason);
            Invoice after = store.update(current.withMetadata(meta));
            Internals.scope(tb).audit(s, "autopay.rearm", "invoice", invoiceId.value(), current, after);
            return null;
        });
        String nextKey = idempotencyKey(tb.tenantId(), invoiceId, next);
        LOG.info("autopay of invoice {} of tenant {} re-armed after charge {} failed: next key {}, reason: {}",
                label(inv), tb.tenantId(), key, nextKey, reason);
        return nextKey;
    }

    private TenantBilling requireSingle() {
        if (single == null) {
            throw new IllegalStateException("this autopay serves every tenant; name the tenant");
        }
        return single;
    }

    private AutopayResult charge(TenantBilling tb, InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoice");
        TenantId tenant = tb.tenantId();
        Invoice inv = tb.invoices().get(invoiceId);
        String key = inv.metadata().getOrDefault(KEY_METADATA, idempotencyKey(tenant, invoiceId, attempt(inv)));
        if (inv.type().isCreditNote()
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
        } catch (RuntimeException e) {
            // a guarded gateway throws PluginException; an unguarded one anything
            return error(inv, tenant, key, e instanceof PluginException ? e.getMessage() : e.toString());
        }
        String garbage = garbage(result);
        if (garbage != null) {
            return error(inv, tenant, key, "gateway " + gateway.id() + " answered " + garbage);
        }
        return settle(tb, inv, client, key, due, result);
    }

    private List<AutopayResult> reconcile(TenantBilling tb) {
        TenantId tenant = tb.tenantId();
        List<Invoice> open = Internals.scope(tb).tx(s -> s.get(InvoiceStore.class).list(InvoiceQuery.open(null)));
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
                r = new AutopayResult(inv.id(), key, AutopayResult.Outcome.ERROR, null,
                        "settling failed: " + e.getMessage());
            }
            out.add(r);
        }
        LOG.info("autopay reconcile of tenant {}: {} invoice(s) looked at", tenant, out.size());
        return out;
    }

    private ChargeResult statusOf(String key) {
        ChargeResult status;
        try {
            status = gateway.status(key);
        } catch (RuntimeException e) {
            return ChargeResult.unknown("status lookup failed: "
                    + (e instanceof PluginException ? e.getMessage() : e.toString()));
        }
        String garbage = garbage(status);
        return garbage == null ? status : ChargeResult.unknown("status lookup answered " + garbage);
    }

    /** What is wrong with a gateway's answer that cannot be acted on, or null when it is usable. */
    private static @Nullable String garbage(@Nullable ChargeResult result) {
        if (result == null) {
            return "null";
        }
        if (result.status() == ChargeResult.Status.SUCCEEDED
                && (result.gatewayReference() == null || result.gatewayReference().isBlank())) {
            return "SUCCEEDED without a gateway reference";
        }
        return null;
    }

    private static AutopayResult error(Invoice inv, TenantId tenant, String key, String what) {
        LOG.warn("autopay of invoice {} of tenant {}: charge {} has no known result, left for reconcile: {}",
                label(inv), tenant, key, what);
        return new AutopayResult(inv.id(), key, AutopayResult.Outcome.ERROR, null, "charge result unknown (" + what
                + "); reconcile will ask the gateway, rearm allows a new charge once it confirms none happened");
    }

    /** The attempt the invoice's next (or current, while marked) charge is. */
    private static int attempt(Invoice inv) {
        String a = inv.metadata().get(ATTEMPT_METADATA);
        try {
            return a == null ? 1 : Math.max(1, Integer.parseInt(a));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invoice " + label(inv) + " has metadata " + ATTEMPT_METADATA + " '"
                    + (a.length() > 20 ? a.substring(0, 20) + "..." : a) + "', not a number");
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
            case PENDING -> {
                return new AutopayResult(inv.id(), key, AutopayResult.Outcome.PENDING, null, "gateway says PENDING"
                        + (result.message().isBlank() ? "" : ": " + result.message()) + "; reconcile later");
            }
            default -> {
                return new AutopayResult(inv.id(), key, AutopayResult.Outcome.ERROR, null, "gateway says "
                        + result.status() + (result.message().isBlank() ? "" : ": " + result.message())
                        + "; reconcile will ask again, rearm allows a new charge once it confirms none happened");
            }
        }
    }

    private static void mark(TenantBilling tb, InvoiceId id, String key, Money amount) {
        Internals.scope(tb).tx(s -> {
            InvoiceStore store = s.get(InvoiceStore.class);
            Invoice current = store.find(id).orElseThrow();
            Map<String, String> meta = new HashMap<>(current.metadata());
            meta.put(KEY_METADATA, key);
            meta.put(AMOUNT_METADATA, amount.amount().toPlainString());
            Invoice after = store.update(current.withMetadata(meta));
            Internals.scope(tb).audit(s, "autopay.charge", "invoice", id.value(), current, after);
            return null;
        });
    }

    private static Money chargedAmount(Invoice inv) {
        String a = inv.metadata().get(AMOUNT_METADATA);
        return a != null ? Money.of(inv.currency(), a) : inv.amountDue();
    }

    private static Optional<Payment> recorded(TenantBilling tb, String key) {
        return Internals.scope(tb).tx(s -> s.get(PaymentStore.class).findByIdempotencyKey(key));
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
        return "Autopay[gateway=" + gateway.id() + (single != null ? ", tenant=" + single.tenantId() : "") + "]";
    }
}
