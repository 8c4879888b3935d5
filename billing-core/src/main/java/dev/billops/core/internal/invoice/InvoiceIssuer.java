package dev.billops.core.internal.invoice;

import dev.billops.core.internal.ClientLookup;
import dev.billops.core.Invoices;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.DraftOutOfDateException;
import dev.billops.core.invoice.EmptyInvoiceException;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.MonthlyFeeAlreadyBilledException;
import dev.billops.core.invoice.PrepaidOutOfRangeException;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.invoice.PrepaymentNotDeductibleException;
import dev.billops.core.money.Money;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxRules;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.tax.TaxedDocument;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.spi.TimeEntryStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Issues documents inside a transaction the caller already runs: assigns numbers from the
 * tenant's {@link NumberingPolicy} (its profile's {@code TenantPolicies}, read in that
 * transaction), validates, stores the issued document, bills its time
 * entries, writes the audit record and publishes the events. {@link Invoices#issue} uses
 * it in a transaction of its own; other services (package billing, late fees) call it inside
 * theirs so that their document and its number commit or roll back together.
 *
 * <p>Because the number is taken from the {@link NumberSequenceStore} inside the caller's
 * transaction and only after every check passed, an issue that fails (validation, a duplicate, a
 * time entry already billed) gives its number back with the rollback: numbers stay gapless.
 *
 * <p>Thread-safe; holds no state beyond its scope.
 */
public final class InvoiceIssuer {

    private final TenantScope scope;

    public InvoiceIssuer(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The numbering policy of the tenant, as stored in its profile, read in {@code session}'s transaction. */
    public NumberingPolicy numbering(StoreSession session) {
        return scope.policies(session).numbering();
    }

    /**
     * Takes the next number of {@code series} for a document of {@code client} issued on
     * {@code issueDate}. The counter moves inside {@code session}'s transaction: a rollback gives
     * the number back.
     */
    public String nextNumber(StoreSession session, String series, ClientId client, LocalDate issueDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(issueDate, "issueDate");
        SeriesNumbering s = numbering(session).forSeries(series);
        String key = s.periodKey(client, issueDate);
        long seq = session.get(NumberSequenceStore.class).next(series, key, s.startAfterFor(key));
        return s.format(series, client, issueDate, seq);
    }

    /**
     * Validates {@code draft} and issues it with the next number of its series, due after the
     * client's payment terms.
     *
     * @see #issueWithNumber(StoreSession, Invoice, String, LocalDate, LocalDate)
     */
    public Invoice issue(StoreSession session, Invoice draft, LocalDate issueDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(issueDate, "issueDate");
        Invoice current = draft.recalculated();
        Client client = validate(session, current);
        current = withClientDefaults(current, client);
        String number = nextNumber(session, current.series(), current.clientId(), issueDate);
        return store(session, current, number, issueDate, issueDate.plusDays(client.paymentTermsDays()));
    }

    /**
     * Issues a prepared document with a number the caller chose (e.g. {@code PKG-…}), due after
     * the client's payment terms.
     *
     * @see #issueWithNumber(StoreSession, Invoice, String, LocalDate, LocalDate)
     */
    public Invoice issueWithNumber(StoreSession session, Invoice invoice, String number, LocalDate issueDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invoice, "invoice");
        Client client = ClientLookup.find(session, invoice.clientId());
        return issueWithNumber(session, invoice, number, issueDate, issueDate.plusDays(client.paymentTermsDays()));
    }

    /**
     * Issues a prepared document with the given number and dates, in {@code session}'s transaction:
     * validates it (see {@link #validate}), stores it as ISSUED (an update if a draft with its id
     * is stored, else an insert, so the store's uniqueness of number and of engagement period
     * applies), marks its time entries billed, audits {@code invoice.issue} and publishes
     * {@code invoice.issued} and, if it bills time entries, {@code time_entries.billed}.
     *
     * @return the issued document as stored
     * @throws InvoiceAlreadyIssuedException if it (or the stored document with its id) is not a draft
     * @throws dev.billops.core.error.DuplicateKeyException if the number (or the engagement period) is taken
     * @throws dev.billops.core.timeentry.TimeEntryAlreadyBilledException if one of its entries was billed
     * @throws DraftOutOfDateException if one of its entries was deleted, changed or moved since drafting
     * @throws MonthlyFeeAlreadyBilledException if it bills a monthly fee another issued invoice bills
     */
    public Invoice issueWithNumber(StoreSession session, Invoice invoice, String number, LocalDate issueDate,
            LocalDate dueDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (number.isBlank()) {
            throw new InvalidInputException("invoice " + invoice.id() + ": number is blank");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new InvalidInputException("invoice " + invoice.id() + ": due date " + dueDate
                    + " is before the issue date " + issueDate);
        }
        Invoice current = invoice.recalculated();
        current = withClientDefaults(current, validate(session, current));
        return store(session, current, number, issueDate, dueDate);
    }

    /**
     * The checks every issue runs, without writing: the document is a draft (also as stored), has
     * at least one line (BR-16), its client exists and (for invoices) is active, (for invoices) no
     * line's tax treatment contradicts the client's tax profile
     * ({@link TaxTreatments#requireConsistent}), and it passes the EN 16931 category rules
     * ({@link TaxRules}) with the tenant's and client's VAT ids.
     *
     * @return the document's client
     */
    public Client validate(StoreSession session, Invoice invoice) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invoice, "invoice");
        if (!invoice.isDraft()) {
            throw new InvoiceAlreadyIssuedException(invoice.id(), invoice.status());
        }
        Optional<Invoice> stored = session.get(InvoiceStore.class).find(invoice.id());
        if (stored.isPresent() && !stored.get().isDraft()) {
            throw new InvoiceAlreadyIssuedException(invoice.id(), stored.get().status());
        }
        return validateContent(session, invoice);
    }

    /** The checks of {@link #validate} but the stored document's status: for a draft that was never stored. */
    private Client validateContent(StoreSession session, Invoice invoice) {
        if (!invoice.isDraft()) {
            throw new InvoiceAlreadyIssuedException(invoice.id(), invoice.status());
        }
        if (invoice.lines().isEmpty()) {
            throw new EmptyInvoiceException(invoice.id());
        }
        // a credit note may still be issued to an inactive client
        Client client = !invoice.type().isCreditNote()
                ? ClientLookup.requireActive(session, invoice.clientId(), "issue invoice " + invoice.id())
                : ClientLookup.find(session, invoice.clientId());
        Tenant tenant = session.get(TenantStore.class).find().orElse(null);
        if (!invoice.type().isCreditNote()) {
            for (InvoiceLine line : invoice.lines()) {
                TaxTreatments.requireConsistent(invoice.id(), line.position(), line.tax(), client,
                        tenant == null ? null : tenant.vatId());
            }
        }
        TaxRules.validate(taxedDocument(invoice, tenant, client));
        requireDeclaredPrepaid(invoice, invoice.prepaid());
        requirePrepayments(session, invoice, invoice.prepayments());
        return client;
    }

    /**
     * The deductions of {@code prepayments} by {@code draft}, each checked against the store in
     * {@code session}'s transaction: an issued prepayment invoice (type 386) of the draft's client
     * and currency, paid in full, not deducted by another issued invoice, named once; the amount is
     * what was paid on it. Their sum must not exceed the draft's payable amount (the ledger holds
     * no negative receivable).
     *
     * @throws dev.billops.core.error.NotFoundException if one is not stored
     * @throws PrepaymentNotDeductibleException if one is not deductible
     * @throws PrepaidOutOfRangeException if together they exceed the payable amount
     */
    public static List<PrepaymentDeduction> deductions(StoreSession session, Invoice draft,
            List<InvoiceId> prepayments) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(draft, "draft");
        InvoiceStore store = session.get(InvoiceStore.class);
        List<PrepaymentDeduction> out = new ArrayList<>(prepayments.size());
        Set<InvoiceId> seen = new HashSet<>();
        for (InvoiceId id : prepayments) {
            Objects.requireNonNull(id, "prepayment invoice id");
            Invoice p = store.find(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
            String label = p.number() != null ? p.number() : id.value();
            if (!seen.add(id)) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "it is named twice");
            }
            if (draft.type().isCreditNote() || draft.type() == DocumentType.PREPAYMENT) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "the draft is a " + draft.type()
                        + "; only an invoice that is neither a credit note nor a prepayment invoice deducts one");
            }
            if (p.type() != DocumentType.PREPAYMENT) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "it is a " + p.type()
                        + ", not a prepayment invoice (386)");
            }
            if (!p.clientId().equals(draft.clientId())) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "it bills client " + p.clientId()
                        + ", not the draft's client " + draft.clientId());
            }
            if (!p.currency().getCurrencyCode().equals(draft.currency().getCurrencyCode())) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "it is in "
                        + p.currency().getCurrencyCode() + ", the draft in " + draft.currency().getCurrencyCode());
            }
            if (p.status() != InvoiceStatus.PAID || !p.paid().isPositive()) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "it is " + p.status()
                        + " with " + p.paid() + " paid; only a prepayment invoice paid in full is deducted");
            }
            Optional<InvoiceId> holder = store.deductingInvoice(id);
            if (holder.isPresent() && !holder.get().equals(draft.id())) {
                throw new PrepaymentNotDeductibleException(draft.id(), id, label, "invoice " + holder.get()
                        + " deducts it already");
            }
            out.add(new PrepaymentDeduction(id, Objects.requireNonNull(p.number(), "number"),
                    Objects.requireNonNull(p.issueDate(), "issueDate"), p.paid()));
        }
        requireDeductionsFit(draft, out);
        return out;
    }

    /**
     * Checks that {@code deductions} together do not exceed {@code draft}'s payable amount (the
     * ledger holds no negative receivable).
     *
     * @throws PrepaidOutOfRangeException naming their sum if they do
     */
    public static void requireDeductionsFit(Invoice draft, List<PrepaymentDeduction> deductions) {
        Money sum = Money.zero(draft.currency());
        for (PrepaymentDeduction d : deductions) {
            sum = sum.plus(d.amount());
        }
        Money payable = draft.totals().payable();
        if (sum.isGreaterThan(payable.max(Money.zero(draft.currency())))) {
            throw new PrepaidOutOfRangeException(draft.id(), sum, "of prepayment invoices deducted exceeds the "
                    + "payable amount " + payable);
        }
    }

    /** {@link #deductions} of the prepayment invoices {@code draft} deducts already. */
    private static void requirePrepayments(StoreSession session, Invoice draft, List<PrepaymentDeduction> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<InvoiceId> ids = new ArrayList<>(kept.size());
        for (PrepaymentDeduction d : kept) {
            ids.add(d.invoiceId());
        }
        List<PrepaymentDeduction> now = deductions(session, draft, ids);
        if (!now.equals(kept)) {
            throw new PrepaymentNotDeductibleException(draft.id(), ids.get(0), kept.get(0).number(),
                    "what was paid on the deducted prepayment invoices changed since they were chosen ("
                    + kept + " then, " + now + " now); choose them again");
        }
    }

    /**
     * A new document checked for issue in memory, the first half of issuing it with others: what
     * {@link #issueWithNumber(StoreSession, Invoice, String, LocalDate, LocalDate)} checks, without
     * a number and without writing, and the document completed from its client, ready for
     * {@link #prepared} and then {@link #storeAll}. A caller that reserves numbers for several
     * documents at once checks them all first, so that the counter is locked only once all are
     * known to be issuable. Only for a draft that was never stored (a stored one is updated on
     * issue, which this path does not do: {@link #storeAll} then fails on its id) and that bills no
     * time entries or monthly fees (those are locked and checked on issue, one document at a time:
     * see {@link #batchable}).
     *
     * @throws IllegalArgumentException if it bills time entries or a monthly fee
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @see #validate
     */
    public Invoice checked(StoreSession session, Invoice invoice, LocalDate issueDate, LocalDate dueDate) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (!batchable(invoice)) {
            throw new IllegalArgumentException("invoice " + invoice.id()
                    + " bills time entries or a monthly fee; it is issued on its own");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new InvalidInputException("invoice " + invoice.id() + ": due date " + dueDate
                    + " is before the issue date " + issueDate);
        }
        Invoice current = invoice.recalculated();
        return withClientDefaults(current, validateContent(session, current));
    }

    /**
     * The second half: {@code checked} issued as {@code number} in memory, with the audit record
     * and the event its issue writes.
     */
    public Prepared prepared(Invoice checked, String number, LocalDate issueDate, LocalDate dueDate) {
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(number, "number");
        if (number.isBlank()) {
            throw new InvalidInputException("invoice " + checked.id() + ": number is blank");
        }
        Invoice issued = Transitions.issuedAs(checked, number, issueDate, dueDate);
        AuditRecord audit = new AuditRecord(scope.clock().instant(), scope.actor(), "invoice.issue", "invoice",
                issued.id().value(), null, issued);
        BillingEvent event = new InvoiceIssued(EventId.generate(), scope.clock().instant(), issued.id(), number,
                issued.clientId(), issued.totals().payable(), dueDate);
        return new Prepared(issued, audit, List.of(event));
    }

    /**
     * Whether {@link #checked} takes {@code invoice}: it bills no time entries and no monthly fee,
     * declares nothing paid outside it (a declared amount is recorded as a payment on issue) and
     * deducts no prepayment invoice (those are claimed one document at a time).
     */
    public static boolean batchable(Invoice invoice) {
        if (!invoice.prepaid().isZero() || !invoice.prepayments().isEmpty()) {
            return false;
        }
        for (InvoiceLine line : invoice.lines()) {
            if (!line.entryIds().isEmpty()) {
                return false;
            }
        }
        return invoice.type() != DocumentType.INVOICE || MonthlyFees.of(invoice).isEmpty();
    }

    /**
     * A document issued in memory by {@link #prepared}, with the audit record and the events its
     * issue writes.
     */
    public record Prepared(Invoice issued, AuditRecord audit, List<BillingEvent> events) {
        public Prepared {
            Objects.requireNonNull(issued, "issued");
            Objects.requireNonNull(audit, "audit");
            events = List.copyOf(events);
        }
    }

    /**
     * Writes {@code prepared} in {@code session}'s transaction: the documents
     * ({@link InvoiceStore#insertAll}), their audit records ({@link AuditLog#appendAll}) and their
     * events ({@link EventOutbox#appendAll}), in list order. A refused key throws the store's
     * {@code DuplicateKeyException}; the caller rolls back (a savepoint taken before) so that no
     * document is half-written.
     */
    public void storeAll(StoreSession session, List<Prepared> prepared) {
        Objects.requireNonNull(session, "session");
        List<Invoice> invoices = new ArrayList<>(prepared.size());
        List<AuditRecord> audits = new ArrayList<>(prepared.size());
        List<BillingEvent> events = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            invoices.add(p.issued());
            audits.add(p.audit());
            events.addAll(p.events());
        }
        session.get(InvoiceStore.class).insertAll(invoices);
        session.get(AuditLog.class).appendAll(audits);
        session.get(EventOutbox.class).appendAll(events);
    }

    /**
     * Checks that {@code draft} may declare {@code amount} as paid outside it (BT-113): same
     * currency, and at most {@link Invoice#PREPAID_LIMIT_FACTOR} times its tax-inclusive total
     * (BT-112) either way: a negative amount (a correction: the client owes that much more than the
     * document's payable amount) is at least minus that limit. Run when the host declares it and
     * again at issue, since lines may change in between.
     *
     * @throws dev.billops.core.money.CurrencyMismatchException if {@code amount} is in another currency
     * @throws PrepaidOutOfRangeException if it is beyond the limit either way
     */
    public static void requireDeclaredPrepaid(Invoice draft, Money amount) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(amount, "amount");
        draft.totals().taxInclusive().requireSameCurrency(amount);
        Money limit = draft.totals().taxInclusive().max(Money.zero(draft.currency()))
                .times(Invoice.PREPAID_LIMIT_FACTOR);
        if (amount.abs().isGreaterThan(limit)) {
            throw new PrepaidOutOfRangeException(draft.id(), amount, "exceeds " + Invoice.PREPAID_LIMIT_FACTOR
                    + " times the tax-inclusive total " + draft.totals().taxInclusive() + " (" + limit
                    + ") either way");
        }
        if (amount.isNegative() && draft.type().isCreditNote()) {
            throw new PrepaidOutOfRangeException(draft.id(), amount, "is negative on a credit note; a credit "
                    + "note owes the client, it adds nothing the client owes");
        }
    }

    /**
     * {@code draft} with what it leaves open taken from its client: the client's default buyer
     * reference (BT-10) if the draft has none.
     */
    private static Invoice withClientDefaults(Invoice draft, Client client) {
        Invoice out = withClientDeliverTo(draft, client);
        String reference = client.details().buyerReference();
        if (reference == null || out.references().buyerReference() != null) {
            return out;
        }
        return out.withReferences(out.references().withBuyerReference(reference));
    }

    /** {@code draft} delivered where its client's default says (BG-13), if it names no place itself. */
    private static Invoice withClientDeliverTo(Invoice draft, Client client) {
        DeliverTo deliverTo = client.details().deliverTo();
        DocumentTerms terms = draft.terms();
        if (deliverTo == null || terms.deliverTo() != null || draft.type().isCreditNote()) {
            return draft;
        }
        return draft.withTerms(terms.withDelivery(deliverTo, terms.deliveryDate()));
    }

    /**
     * Fixes the amount paid at issue (BT-113) into {@code issued}, as stored after the issue's
     * follow-up in {@code session}'s transaction: what was allocated to it then (the amount the host
     * declared as paid outside BillOps, recorded as a payment, and a client's credit applied on
     * issue) plus the part of the declared amount beyond the payable amount, which stays the
     * client's credit, plus what it {@linkplain Invoice#deducted deducted} (prepayment invoices,
     * a negative declared amount). So BT-115 = payable − BT-113 (BR-CO-16) is the amount due at
     * issue, and negative exactly when the declared amount exceeds what is owed. Later payments change what is paid, never what the
     * issued document says was prepaid.
     *
     * @param issued the invoice as the follow-up returned it; its {@code prepaid} is still the
     *     amount declared on the draft
     * A change is audited as {@code invoice.prepaid-fixed}.
     *
     * @return the invoice as stored afterwards ({@code issued} if BT-113 is already right)
     */
    public Invoice fixPrepaid(StoreSession session, Invoice issued) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(issued, "issued");
        Money zero = Money.zero(issued.currency());
        Money declared = issued.prepaid();
        Money surplus = declared.minus(declared.min(issued.receivable().max(zero))).max(zero);
        Money prepaid = issued.paid().plus(surplus).plus(issued.deducted());
        // deductions that cover the whole payable amount leave nothing due: the invoice is paid
        boolean settled = issued.status() == InvoiceStatus.ISSUED && issued.deducted().isPositive()
                && issued.amountDue().isZero();
        if (prepaid.equals(declared) && !settled) {
            return issued;
        }
        InvoiceStore invoices = session.get(InvoiceStore.class);
        Invoice before = invoices.find(issued.id()).orElse(issued);
        Invoice current = Transitions.withPrepaid(before, prepaid);
        if (settled) {
            current = Transitions.withSettlement(current, current.paid(), current.credited());
        }
        Invoice stored = invoices.update(current);
        scope.audit(session, "invoice.prepaid-fixed", "invoice", stored.id().value(), before, stored);
        return stored;
    }

    /**
     * The facts {@link TaxRules} checks, for {@code invoice} of {@code client} sold by
     * {@code seller} (null: not stored yet, so no VAT id and no country). A document whose only
     * category is O shows no VAT ids (BR-O-02), so they are left off it here too; deliver-to
     * country is the client's address country.
     */
    public static TaxedDocument taxedDocument(Invoice invoice, @Nullable Tenant seller, Client client) {
        String sellerVatId = seller == null ? null : seller.vatId();
        List<TaxTreatment> lineTaxes = new ArrayList<>(invoice.lines().size());
        boolean period = invoice.servicePeriod() != null;
        for (InvoiceLine line : invoice.lines()) {
            lineTaxes.add(line.tax());
            period |= line.period() != null;
        }
        List<TaxTreatment> allowances = new ArrayList<>();
        List<TaxTreatment> charges = new ArrayList<>();
        for (AllowanceCharge ac : invoice.adjustments()) {
            (ac.charge() ? charges : allowances).add(Objects.requireNonNull(ac.tax(), "tax"));
        }
        boolean outOfScopeOnly = !invoice.taxBreakdown().isEmpty();
        for (TaxSubtotal g : invoice.taxBreakdown()) {
            outOfScopeOnly &= g.category() == TaxCategory.O;
        }
        return new TaxedDocument(lineTaxes, allowances, charges, invoice.taxBreakdown(),
                outOfScopeOnly ? null : sellerVatId, outOfScopeOnly ? null : client.vatId(), period,
                client.address().countryCode(), invoice.taxRounding(),
                seller == null ? null : seller.address().countryCode(), client.address().countryCode());
    }

    /**
     * Locks the entries {@code invoice} bills and checks each still matches its line: it exists,
     * is billable, is on the line's project (or, on a line of several projects, on a project of
     * the invoice's client), and has the version it had when the draft was stored
     * ({@link TimeEntryStore#draftedVersions}; an entry billed meanwhile is
     * {@link TimeEntryAlreadyBilledException}). The time services refuse such changes while a
     * draft bills an entry; this catches a writer that went around them.
     */
    private static void requireEntriesAsDrafted(StoreSession session, Invoice invoice, List<TimeEntryId> ids) {
        Map<TimeEntryId, TimeEntry> now = new HashMap<>();
        TimeEntryStore entries = session.get(TimeEntryStore.class);
        for (TimeEntry e : entries.lock(ids)) {
            now.put(e.id(), e);
        }
        ProjectStore projects = session.get(ProjectStore.class);
        Map<ProjectId, Boolean> clients = new HashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            for (TimeEntryId id : line.entryIds()) {
                TimeEntry e = now.get(id);
                if (e == null) {
                    throw new DraftOutOfDateException(invoice.id(), id, "was deleted");
                }
                if (!e.billable()) {
                    throw new DraftOutOfDateException(invoice.id(), id, "was made non-billable");
                }
                boolean clientsProject = clients.computeIfAbsent(e.projectId(), p -> projects.find(p)
                        .map(project -> project.clientId().equals(invoice.clientId())).orElse(false));
                if (!clientsProject || line.projectId() != null && !line.projectId().equals(e.projectId())) {
                    throw new DraftOutOfDateException(invoice.id(), id, "was moved to project " + e.projectId());
                }
            }
        }
        Map<TimeEntryId, Long> drafted = entries.draftedVersions(invoice.id());
        for (TimeEntryId id : ids) {
            Long version = drafted.get(id);
            TimeEntry e = Objects.requireNonNull(now.get(id));
            if (version != null && version != e.version()) {
                if (!e.isOpen()) {
                    throw new TimeEntryAlreadyBilledException(id, e.invoiceId());
                }
                throw new DraftOutOfDateException(invoice.id(), id, "was changed (version " + version + " drafted, "
                        + e.version() + " now)");
            }
        }
    }

    /**
     * Refuses a document that bills a project's monthly fee for a month that another issued
     * invoice of the client already bills. Runs after the number is taken: two issues in one
     * series wait for each other on the series counter, so the second sees the first's fee.
     */
    private static void requireFeesUnbilled(StoreSession session, Invoice invoice) {
        if (invoice.type().isCreditNote()) {
            return;
        }
        Set<ProjectMonth> fees = MonthlyFees.of(invoice);
        if (fees.isEmpty()) {
            return;
        }
        Map<ProjectMonth, InvoiceId> billed = MonthlyFees.billed(session, invoice.clientId(), false, invoice.id());
        for (ProjectMonth fee : fees) {
            InvoiceId other = billed.get(fee);
            if (other != null) {
                throw new MonthlyFeeAlreadyBilledException(invoice.id(), fee.projectId(), fee.month(), other);
            }
        }
    }

    private Invoice store(StoreSession session, Invoice draft, String number, LocalDate issueDate, LocalDate dueDate) {
        requireFeesUnbilled(session, draft);
        List<TimeEntryId> billed = new ArrayList<>();
        for (InvoiceLine line : draft.lines()) {
            billed.addAll(line.entryIds());
        }
        if (!billed.isEmpty()) {
            requireEntriesAsDrafted(session, draft, billed);
        }
        InvoiceStore invoices = session.get(InvoiceStore.class);
        Invoice issued = Transitions.issuedAs(draft, number, issueDate, dueDate);
        Optional<Invoice> before = invoices.find(draft.id());
        Invoice stored;
        if (before.isPresent()) {
            stored = invoices.update(issued);
        } else {
            invoices.insert(issued);
            stored = issued;
        }
        List<TimeEntryId> entries = new ArrayList<>();
        for (InvoiceLine line : stored.lines()) {
            entries.addAll(line.entryIds());
        }
        if (!entries.isEmpty()) {
            session.get(TimeEntryStore.class).markBilled(entries, stored.id());
        }
        scope.audit(session, "invoice.issue", "invoice", stored.id().value(), before.orElse(null), stored);
        scope.publish(session, new InvoiceIssued(EventId.generate(), scope.clock().instant(), stored.id(), number,
                stored.clientId(), stored.totals().payable(), dueDate));
        if (!entries.isEmpty()) {
            scope.publish(session, new TimeEntriesBilled(EventId.generate(), scope.clock().instant(), stored.id(),
                    entries.size()));
        }
        return stored;
    }
}
