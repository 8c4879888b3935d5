package dev.billops.core.internal.invoice;

import dev.billops.core.internal.Transitions;
import dev.billops.core.internal.ClientLookup;
import dev.billops.core.invoice.ClientNotActiveException;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.MonthlyFeeAlreadyBilledException;
import dev.billops.core.invoice.NoRateForEntryException;
import dev.billops.core.invoice.ProjectOfOtherClientException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.InvoiceCreated;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;

/**
 * Drafts invoices from a client's unbilled time: reads the master data, rate rules and entries,
 * runs {@link InvoiceGenerator}, prices the result by the tenant's tax policy (with GROSS prices the
 * rates include tax) and stores it as a DRAFT, with an audit record and an {@code invoice.created}
 * event. Entries are marked billed when a draft is issued, not here; so that no two drafts bill one
 * entry, the entries on the client's other drafts are left out ({@link #entriesOnDrafts}), and a
 * month whose fee another draft or issued invoice bills gets a line of quantity 0
 * ({@link MonthlyFees}; issuing re-checks it, {@link MonthlyFeeAlreadyBilledException}).
 *
 * <p>Refused, with nothing stored: an unknown ({@link NotFoundException}) or inactive client
 * ({@link ClientNotActiveException}), a project of another client
 * ({@link ProjectOfOtherClientException}), an entry without a rate ({@link NoRateForEntryException})
 * or with a rate in another currency. Thread-safe; {@code Invoices} delegates its drafting here.
 */
public final class InvoiceDrafts {

    private final TenantScope scope;
    private final GenerationPolicy defaults;

    /**
     * @param scope tenant, actor, store and clock
     * @param defaults grouping and day counting unless a draft's options say otherwise
     */
    public InvoiceDrafts(TenantScope scope, GenerationPolicy defaults) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** Drafts an invoice of all the client's unbilled billable time in {@code period}, with the default policy. */
    public Optional<Invoice> draft(ClientId client, LocalDateRange period) {
        return draft(client, period, DraftOptions.defaults());
    }

    /**
     * Drafts and stores an invoice of the client's unbilled billable time in {@code period}.
     *
     * @return the stored draft, or empty (and nothing stored) if there is nothing to bill
     */
    public Optional<Invoice> draft(ClientId client, LocalDateRange period, DraftOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(options, "options");
        return scope.tx(session -> store(session, client, period, options));
    }

    /**
     * Replaces a draft made from time with a fresh one of the same client and service period (and
     * project, if the options name one), in one transaction: the old draft is deleted, which frees
     * its entries, and the client's unbilled time is drafted again as it is now, e.g. after the
     * old draft's entries had to be edited ({@link dev.billops.core.timeentry.TimeEntryOnDraftException}).
     * Manual lines, adjustments and notes of the old draft are not carried over.
     *
     * @return the new draft, or empty if nothing is left to bill (the old draft is deleted either way)
     * @throws NotFoundException if there is no invoice {@code draftId}
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws InvalidInputException if it has no service period
     */
    public Optional<Invoice> regenerate(InvoiceId draftId, DraftOptions options) {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(options, "options");
        return scope.tx(session -> {
            InvoiceStore invoices = session.get(InvoiceStore.class);
            Invoice old = invoices.find(draftId).orElseThrow(() -> new NotFoundException("invoice", draftId.value()));
            if (!old.isDraft()) {
                throw new InvoiceAlreadyIssuedException(draftId, old.status());
            }
            LocalDateRange period = old.servicePeriod();
            if (period == null) {
                throw new InvalidInputException("draft " + draftId + " has no service period to draft again");
            }
            invoices.deleteDraft(draftId);
            scope.audit(session, "invoice.delete", "invoice", draftId.value(), old, null);
            DraftOptions kept = options.references() == null ? options.withReferences(old.references()) : options;
            if (kept.terms() == null && kept.type() == null) {
                kept = kept.withTerms(old.terms()).withType(old.type());
            }
            return store(session, old.clientId(), period, kept, fresh -> keptFrom(old, fresh));
        });
    }

    /**
     * {@code fresh} with what the host set on {@code old} beyond its time lines: an explicit
     * rounding amount (BT-114; a cash increment comes from the tenant's policy again) and the
     * amount declared paid outside it (BT-113) and the prepayment invoices it deducts, checked
     * against the new totals (the deductions again at issue).
     *
     * @throws dev.billops.core.invoice.PrepaidOutOfRangeException if the new totals no longer allow
     *     the declared amount or the deductions
     */
    private static Invoice keptFrom(Invoice old, Invoice fresh) {
        Invoice out = fresh;
        if (old.cashIncrement() instanceof PayableRounding.Amount explicit) {
            out = out.withPayableRounding(explicit);
        }
        if (!old.prepaid().isZero()) {
            InvoiceIssuer.requireDeclaredPrepaid(out, old.prepaid());
            out = Transitions.withPrepaid(out, old.prepaid());
        }
        if (!old.prepayments().isEmpty()) {
            InvoiceIssuer.requireDeductionsFit(out, old.prepayments());
            out = Transitions.withPrepayments(out, old.prepayments());
        }
        return out;
    }

    private Optional<Invoice> store(StoreSession session, ClientId client, LocalDateRange period,
            DraftOptions options) {
        return store(session, client, period, options, UnaryOperator.identity());
    }

    private Optional<Invoice> store(StoreSession session, ClientId client, LocalDateRange period,
            DraftOptions options, UnaryOperator<Invoice> kept) {
        Optional<Invoice> draft = build(session, client, period, options, true);
        if (draft.isEmpty()) {
            return draft;
        }
        Invoice invoice = kept.apply(draft.get());
        InvoiceStore invoices = session.get(InvoiceStore.class);
        invoices.insert(invoice);
        Invoice stored = invoices.find(invoice.id()).orElse(invoice);
        scope.audit(session, "invoice.draft", "invoice", invoice.id().value(), null, stored);
        scope.publish(session, new InvoiceCreated(EventId.generate(), scope.clock().instant(), invoice.id(),
                client));
        return Optional.of(stored);
    }

    /** The draft {@link #draft(ClientId, LocalDateRange)} would store, without storing anything. */
    public Optional<Invoice> preview(ClientId client, LocalDateRange period) {
        return preview(client, period, DraftOptions.defaults());
    }

    /**
     * A dry run: the draft {@link #draft(ClientId, LocalDateRange, DraftOptions)} would store
     * for the same inputs (the same invoice if the options fix its id), with nothing stored,
     * audited or published.
     */
    public Optional<Invoice> preview(ClientId client, LocalDateRange period, DraftOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(options, "options");
        return scope.tx(session -> build(session, client, period, options, false));
    }

    /**
     * The raw generation behind a preview: lines with the billed time of each, for hosts that
     * show how quantities came about. Stores nothing.
     */
    public Generation generation(ClientId client, LocalDateRange period, DraftOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(options, "options");
        return scope.tx(session -> generate(session, client, period, options, false));
    }

    private Optional<Invoice> build(StoreSession session, ClientId clientId, LocalDateRange period,
            DraftOptions options, boolean lock) {
        Generation generation = generate(session, clientId, period, options, lock);
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        InvoiceId id = options.invoiceId() == null ? InvoiceId.generate() : options.invoiceId();
        Invoice draft = generation.toDraft(id);
        if (options.references() != null) {
            draft = draft.withReferences(options.references());
        }
        if (options.terms() != null) {
            draft = draft.withTerms(options.terms());
        }
        if (options.type() != null) {
            draft = Transitions.withType(draft, options.type());
        }
        TaxPolicy tax = scope.policies(session).tax();
        return Optional.of(draft.withPricing(tax.priceBasis(), tax.rounding(), tax.cashIncrementFor(draft.currency())));
    }

    /**
     * Generates the client's draft. With {@code lock}, the rows of the projects billed are locked
     * before their entries and the other drafts are read, so an edit of one of their entries (which
     * locks the entry's projects first) either committed before and is seen, or waits and then
     * finds this draft.
     */
    private Generation generate(StoreSession session, ClientId clientId, LocalDateRange period,
            DraftOptions options, boolean lock) {
        Client client = ClientLookup.requireActive(session, clientId, "draft an invoice");
        Tenant tenant = session.get(TenantStore.class).find()
                .orElseThrow(() -> new NotFoundException("tenant", scope.tenant().value()));
        ProjectStore projectStore = session.get(ProjectStore.class);
        List<Project> projects = projectStore.listByClient(clientId);
        ProjectId only = options.projectId();
        if (only != null) {
            Project p = projectStore.find(only).orElseThrow(() -> new NotFoundException("project", only.value()));
            if (!p.clientId().equals(clientId)) {
                throw new ProjectOfOtherClientException(only, clientId, p.clientId());
            }
        }
        GenerationContext context = GenerationContext.of(tenant, client, projects,
                session.get(TimekeeperStore.class).list(), session.get(ActivityStore.class).list(),
                RateResolver.of(session.get(RateRuleStore.class).list()));
        Set<ProjectId> projectIds = new HashSet<>();
        for (Project p : projects) {
            if (only == null || only.equals(p.id())) {
                projectIds.add(p.id());
            }
        }
        if (lock && !projectIds.isEmpty()) {
            projectStore.lock(projectIds);
        }
        List<TimeEntry> entries = projectIds.isEmpty() ? List.of()
                : session.get(TimeEntryStore.class).list(TimeEntryQuery.unbilled(projectIds, period));
        GenerationRequest request = new GenerationRequest(period, only, entriesOnDrafts(session, clientId),
                options.policyOver(defaults));
        Generation generation = InvoiceGenerator.generate(context, entries, request);
        for (InvoiceLine line : generation.lines()) {
            if (UnitCode.MONTH.equals(line.unit())) {
                // monthly fees: read which months the client's other invoices bill, and generate again
                return InvoiceGenerator.generate(context, entries,
                        request.withFeesBilled(MonthlyFees.billed(session, clientId, true, null).keySet()));
            }
        }
        return generation;
    }

    /**
     * The entries listed on the client's DRAFT invoices: what a new draft of the client must leave
     * out, so that no two drafts bill the same entry.
     */
    public static Set<TimeEntryId> entriesOnDrafts(StoreSession session, ClientId client) {
        Set<TimeEntryId> ids = new HashSet<>();
        for (Invoice draft : session.get(InvoiceStore.class)
                .list(new InvoiceQuery(client, EnumSet.of(InvoiceStatus.DRAFT), DocumentType.INVOICE))) {
            for (InvoiceLine line : draft.lines()) {
                ids.addAll(line.entryIds());
            }
        }
        return ids;
    }
}
