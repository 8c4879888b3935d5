package dev.billops.core;

import dev.billops.core.internal.ClientLookup;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementAlreadyRenewedException;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.engagement.Renewal;
import dev.billops.core.engagement.RenewalOverlapsInvoicedPeriodException;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.party.Client;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.time.LocalDateRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, renews and ends the engagements of one tenant. Each operation is one transaction with
 * an audit record; a rejected operation stores nothing.
 *
 * <p><b>Renewals</b> create a new engagement linked to the renewed one ({@link
 * Engagement#renewsId()}), with the old terms unless the {@link Renewal} changes them; the old
 * engagement becomes RENEWED and, if it would run past the renewal's start, ends the day before.
 * A renewal never touches an invoice: the renewed engagement keeps every invoice it has, and the
 * renewal bills from its own start date (its periods have their own keys). So a renewal may not
 * start inside a period the old engagement has already invoiced
 * ({@link RenewalOverlapsInvoicedPeriodException}).
 *
 * <p><b>Concurrency.</b> Renewing and ending lock the engagement's row first
 * ({@link EngagementStore#lock}), as the package run does before it issues an invoice of the
 * engagement: a renewal that races a run either sees the run's invoice (and is refused if it
 * starts inside the invoiced period) or commits first (and the run then fails that period rather
 * than bill days the renewal bills again).
 *
 * <p>Immutable and thread-safe.
 */
public final class Engagements {

    private final TenantScope scope;

    Engagements(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Stores a new engagement.
     *
     * @throws NotFoundException if its client, project or renewed engagement does not exist
     * @throws dev.billops.core.invoice.ClientNotActiveException if the client is inactive
     * @throws InvalidInputException if the project belongs to another client
     * @throws CurrencyMismatchException if the fee or overage rate is not in the client's currency
     * @throws dev.billops.core.error.DuplicateKeyException if the id is taken
     */
    public Engagement create(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        return scope.tx(session -> {
            validate(session, engagement);
            if (engagement.renewsId() != null) {
                require(session, engagement.renewsId());
            }
            Engagement stored = engagement.withVersion(0);
            session.get(EngagementStore.class).insert(stored);
            scope.audit(session, "engagement.create", "engagement", stored.id().value(), null, stored);
            return stored;
        });
    }

    /**
     * Renews engagement {@code id}: stores the renewal and marks the old engagement RENEWED, in one
     * transaction. Returns the renewal.
     *
     * @throws NotFoundException if the engagement does not exist
     * @throws EngagementAlreadyRenewedException if it was renewed before
     * @throws InvalidInputException if the renewal does not start after the old engagement's start
     * @throws RenewalOverlapsInvoicedPeriodException if the renewal starts before the end of a
     *     period of the old engagement that has an invoice
     */
    public Engagement renew(EngagementId id, Renewal renewal) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(renewal, "renewal");
        return scope.tx(session -> {
            EngagementStore store = session.get(EngagementStore.class);
            Engagement old = lock(session, id);
            requireNotRenewed(store, old);
            LocalDate start = renewal.startDate();
            if (!start.isAfter(old.startDate())) {
                throw new InvalidInputException("a renewal of engagement " + id + " must start after " + old.startDate()
                        + ", got " + start);
            }
            requireNoInvoiceFrom(session, old, start);
            LocalDate oldEnd = old.endDate();
            LocalDate dayBefore = start.minusDays(1);
            Engagement shortened = oldEnd == null || oldEnd.isAfter(dayBefore) ? Transitions.withEndDate(old, dayBefore)
                    : old;
            Engagement closed = Transitions.withStatus(shortened, EngagementStatus.RENEWED);
            Money fee = renewal.packageFee() != null ? renewal.packageFee() : old.packageFee();
            Engagement next = new Engagement(renewal.id() != null ? renewal.id() : EngagementId.generate(),
                    old.clientId(), old.projectId(), old.description(), old.mode(), fee, old.schedule(), start,
                    renewal.endDate(), old.id(), old.includedHours(), old.overageRate(), old.proration(),
                    old.rollOverUnusedHours(), EngagementStatus.ACTIVE, 0);
            validate(session, next);
            store.insert(next);
            Engagement updated = store.update(closed);
            scope.audit(session, "engagement.renew", "engagement", old.id().value(), old, updated);
            scope.audit(session, "engagement.create", "engagement", next.id().value(), null, next);
            return next;
        });
    }

    /**
     * Ends engagement {@code id} on {@code lastDay} (inclusive): it is billed for no period after
     * that day. Invoices already issued stay as they are, also for days after {@code lastDay};
     * correct them with credit notes.
     *
     * @throws NotFoundException if the engagement does not exist
     * @throws EngagementAlreadyRenewedException if it was renewed (end the renewal instead)
     * @throws InvalidInputException if {@code lastDay} is before the engagement's start
     */
    public Engagement end(EngagementId id, LocalDate lastDay) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastDay, "lastDay");
        return scope.tx(session -> {
            EngagementStore store = session.get(EngagementStore.class);
            Engagement old = lock(session, id);
            requireNotRenewed(store, old);
            if (lastDay.isBefore(old.startDate())) {
                throw new InvalidInputException("engagement " + id + " cannot end on " + lastDay
                        + ", before it starts on " + old.startDate());
            }
            Engagement updated = store.update(Transitions.withStatus(Transitions.withEndDate(old, lastDay),
                    EngagementStatus.ENDED));
            scope.audit(session, "engagement.end", "engagement", id.value(), old, updated);
            return updated;
        });
    }

    public Optional<Engagement> find(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(EngagementStore.class).find(id));
    }

    /** The engagement with {@code id}; throws {@link NotFoundException} if there is none. */
    public Engagement get(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> require(session, id));
    }

    /** Engagements of a client, ordered by id. */
    public List<Engagement> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return scope.tx(session -> session.get(EngagementStore.class).listByClient(clientId));
    }

    /** All engagements, ordered by id. */
    public List<Engagement> list() {
        return scope.tx(session -> session.get(EngagementStore.class).list());
    }

    /** The package invoices of engagement {@code id}, ordered by period. */
    public List<Invoice> invoicesOf(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            Engagement e = require(session, id);
            return packageInvoices(session, e);
        });
    }

    private static List<Invoice> packageInvoices(StoreSession session, Engagement e) {
        return session.get(InvoiceStore.class).list(InvoiceQuery.ofClient(e.clientId())).stream()
                .filter(i -> e.id().equals(i.engagementId()) && i.packagePeriodStart() != null)
                .sorted((a, b) -> Objects.requireNonNull(a.packagePeriodStart())
                        .compareTo(Objects.requireNonNull(b.packagePeriodStart())))
                .toList();
    }

    private static Engagement require(StoreSession session, EngagementId id) {
        return session.get(EngagementStore.class).find(id)
                .orElseThrow(() -> new NotFoundException("engagement", id.value()));
    }

    private static Engagement lock(StoreSession session, EngagementId id) {
        return session.get(EngagementStore.class).lock(id)
                .orElseThrow(() -> new NotFoundException("engagement", id.value()));
    }

    private static void requireNotRenewed(EngagementStore store, Engagement old) {
        if (old.status() != EngagementStatus.RENEWED) {
            return;
        }
        EngagementId renewal = store.listByClient(old.clientId()).stream()
                .filter(e -> old.id().equals(e.renewsId()))
                .map(Engagement::id)
                .findFirst()
                .orElse(old.id());
        throw new EngagementAlreadyRenewedException(old.id(), renewal);
    }

    /** Throws if {@code old} has an invoice whose service period runs into {@code start} or later. */
    private static void requireNoInvoiceFrom(StoreSession session, Engagement old, LocalDate start) {
        for (Invoice invoice : packageInvoices(session, old)) {
            LocalDateRange period = invoice.servicePeriod() != null ? invoice.servicePeriod()
                    : LocalDateRange.ofDay(Objects.requireNonNull(invoice.packagePeriodStart()));
            if (period.endExclusive().isAfter(start)) {
                throw new RenewalOverlapsInvoicedPeriodException(old.id(), start, period,
                        invoice.number() != null ? invoice.number() : invoice.id().value());
            }
        }
    }

    private static void validate(StoreSession session, Engagement e) {
        Client client = ClientLookup.requireActive(session, e.clientId(), "create engagement " + e.id());
        String currency = client.currency().getCurrencyCode();
        if (e.packageFee() != null && !e.packageFee().currencyCode().equals(currency)) {
            throw new CurrencyMismatchException(currency, e.packageFee().currencyCode(), "engagement " + e.id()
                    + " package fee for client " + client.id());
        }
        if (e.overageRate() != null && !e.overageRate().currencyCode().equals(currency)) {
            throw new CurrencyMismatchException(currency, e.overageRate().currencyCode(), "engagement " + e.id()
                    + " overage rate for client " + client.id());
        }
        if (e.projectId() != null) {
            Project project = session.get(ProjectStore.class).find(e.projectId())
                    .orElseThrow(() -> new NotFoundException("project", e.projectId().value()));
            if (!project.clientId().equals(e.clientId())) {
                throw new InvalidInputException("project " + project.id() + " belongs to client " + project.clientId()
                        + ", not to client " + e.clientId() + " of engagement " + e.id());
            }
        }
    }
}
