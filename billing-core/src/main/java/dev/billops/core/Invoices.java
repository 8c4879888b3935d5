package dev.billops.core;

import dev.billops.core.internal.ClientLookup;
import dev.billops.core.event.InvoiceSent;
import dev.billops.core.event.InvoiceViewed;
import dev.billops.core.event.InvoiceDownloaded;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.invoice.DeliveryStatus;
import dev.billops.core.invoice.InvoiceDelivery;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.error.Text;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import dev.billops.core.internal.invoice.CreditNoteBuilder;
import dev.billops.core.internal.invoice.DocumentAdjustments;
import dev.billops.core.internal.invoice.InvoiceDrafts;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.internal.invoice.InvoiceIssuer;
import dev.billops.core.internal.invoice.IssueFollowUp;
import dev.billops.core.internal.invoice.TaxTreatments;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.ClientNotActiveException;
import dev.billops.core.invoice.CreditExceedsBalanceException;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.InvoiceNotCorrectableException;
import dev.billops.core.invoice.PrecedingInvoiceRequiredException;
import dev.billops.core.invoice.EmptyInvoiceException;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.PrepaidOutOfRangeException;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceHasPaymentsException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceNotIssuedException;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.IssueDateInFutureException;
import dev.billops.core.invoice.LineAlreadyCreditedException;
import dev.billops.core.invoice.ManualLine;
import dev.billops.core.invoice.ProjectOfOtherClientException;
import dev.billops.core.invoice.TaxTreatmentContradictsClientException;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.InvoiceCreated;
import dev.billops.core.event.InvoiceCredited;
import dev.billops.core.event.InvoiceVoided;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Money;
import dev.billops.core.id.ProjectId;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.spi.TimeEntryStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The invoice workflow of one tenant: draft from time or by hand, edit drafts (lines,
 * adjustments, notes), preview, issue, void, credit.
 *
 * <pre>
 * DRAFT ──issue──▶ ISSUED ──payments/credits──▶ PARTIALLY_PAID ──▶ PAID
 *                    └──void (nothing paid or credited)──▶ VOID
 * </pre>
 *
 * <ul>
 *   <li>Drafts from time bill each entry once: entries on another draft of the client are
 *       skipped, and an entry edited after drafting is refused at issue
 *       ({@link dev.billops.core.invoice.DraftOutOfDateException}); {@link #regenerate} drafts again.
 *   <li>Only drafts change; editing anything else throws {@link InvoiceAlreadyIssuedException}.
 *   <li>{@link #issue} numbers the draft in its series, dates it the tenant's today (due date = +
 *       the client's terms), marks its entries billed and publishes {@code invoice.issued}; a failed
 *       issue stores nothing and consumes no number.
 *   <li>{@link #voidInvoice} only an ISSUED invoice with nothing paid or credited; the number stays used.
 *   <li>Credit notes never credit more than the balance; crediting every line credits exactly the
 *       payable amount.
 * </ul>
 *
 * <p>Every method is one transaction of the tenant, attributed to the facade's actor. Thread-safe.
 */
public final class Invoices {

    /** Audit entity type of delivery facts (their entity id is the invoice id). */
    private static final String DELIVERY_ENTITY = "invoice_delivery";

    private final TenantScope scope;
    private final InvoiceDrafts drafts;
    private final InvoiceIssuer issuer;
    private final IssueFollowUp followUp;

    Invoices(TenantScope scope, InvoiceDrafts drafts, IssueFollowUp followUp) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.issuer = new InvoiceIssuer(scope);
        this.followUp = Objects.requireNonNull(followUp, "followUp");
    }

    /** Drafts the client's unbilled billable time in {@code period} with the default options; see {@link #draft(ClientId, LocalDateRange, DraftOptions)}. */
    public Optional<Invoice> draft(ClientId client, LocalDateRange period) {
        return drafts.draft(client, period);
    }

    /**
     * Drafts and stores an invoice of the client's unbilled billable time in {@code period},
     * priced by the tenant's tax policy.
     *
     * @return the stored draft, or empty (and nothing stored) if there is nothing to bill
     * @throws NotFoundException if the client does not exist
     * @throws ClientNotActiveException if the client is inactive
     * @throws dev.billops.core.invoice.NoRateForEntryException if an entry has no rate
     */
    public Optional<Invoice> draft(ClientId client, LocalDateRange period, DraftOptions options) {
        return drafts.draft(client, period, options);
    }

    /** Drafts the client's unbilled billable time of calendar month {@code month}, with the default options. */
    public Optional<Invoice> draft(ClientId client, YearMonth month) {
        return drafts.draft(client, LocalDateRange.ofMonth(Objects.requireNonNull(month, "month")));
    }

    /** The draft {@link #draft(ClientId, LocalDateRange)} would store, with nothing stored. */
    public Optional<Invoice> preview(ClientId client, LocalDateRange period) {
        return drafts.preview(client, period);
    }

    /** The draft {@link #draft(ClientId, LocalDateRange, DraftOptions)} would store, with nothing stored. */
    public Optional<Invoice> preview(ClientId client, LocalDateRange period, DraftOptions options) {
        return drafts.preview(client, period, options);
    }

    /**
     * Replaces a draft made from time with a fresh one of the same client and service period, in
     * one transaction (e.g. after its entries had to be edited). Manual lines, adjustments and
     * notes of the old draft are not carried over; its references, document terms and type (unless
     * {@code options} set their own), an explicit rounding amount (BT-114) and an amount declared
     * paid outside it ({@link #prepaid}, BT-113) are.
     *
     * @return the new draft, or empty if nothing is left to bill (the old draft is deleted either way)
     * @throws PrepaidOutOfRangeException if the new draft's totals no longer allow the declared
     *     amount; nothing is changed
     */
    public Optional<Invoice> regenerate(InvoiceId draftId, DraftOptions options) {
        return drafts.regenerate(draftId, options);
    }

    /**
     * Creates an empty manual draft for {@code clientId} in the client's currency, priced per the
     * tenant's tax policy; publishes {@code invoice.created}.
     *
     * @throws NotFoundException if the client does not exist
     * @throws ClientNotActiveException if the client is inactive
     */
    public Invoice createDraft(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return scope.tx(session -> {
            Client client = ClientLookup.requireActive(session, clientId, "create an invoice");
            TaxPolicy taxPolicy = scope.policies(session).tax();
            Invoice draft = Invoice.draft(InvoiceId.generate(), clientId, client.currency(), InvoiceSource.MANUAL)
                    .withPricing(taxPolicy.priceBasis(), taxPolicy.rounding(),
                            taxPolicy.cashIncrementFor(client.currency()));
            session.get(InvoiceStore.class).insert(draft);
            scope.audit(session, "invoice.create", "invoice", draft.id().value(), null, draft);
            scope.publish(session, new InvoiceCreated(EventId.generate(), scope.clock().instant(), draft.id(),
                    clientId));
            return draft;
        });
    }

    /** The invoice or credit note with {@code id}. */
    public Invoice get(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> load(session, id));
    }

    /** The issued invoice or credit note numbered {@code number}, or empty. */
    public Optional<Invoice> findByNumber(String number) {
        Objects.requireNonNull(number, "number");
        return scope.tx(session -> session.get(InvoiceStore.class).findByNumber(number));
    }

    /** The invoices and credit notes {@code query} selects, by issue date (drafts last), then id. */
    public List<Invoice> list(InvoiceQuery query) {
        Objects.requireNonNull(query, "query");
        return scope.tx(session -> session.get(InvoiceStore.class).list(query));
    }

    /**
     * Appends {@code line}, with its explicit tax treatment, to a draft as its last line (at
     * position n + 1).
     *
     * @throws TaxTreatmentContradictsClientException if its treatment contradicts the client's tax
     *     profile ({@link TaxTreatments#requireConsistent})
     */
    public Invoice addLine(InvoiceId id, InvoiceLine line) {
        Objects.requireNonNull(line, "line");
        return addLine(id, (session, inv, client) -> line);
    }

    /**
     * Appends a manual line to a draft as its last line, its tax treatment derived from the
     * client's tax profile ({@link TaxTreatments#forLine}, with the line's project's VAT rate or
     * the tenant's default) unless the line sets one explicitly.
     *
     * @throws NotFoundException if the line's project (or, to derive a rate, the tenant's record) does not exist
     * @throws ProjectOfOtherClientException if the line's project belongs to another client
     * @throws TaxTreatmentContradictsClientException if the treatment contradicts the client's tax profile
     */
    public Invoice addLine(InvoiceId id, ManualLine line) {
        Objects.requireNonNull(line, "line");
        return addLine(id, (session, inv, client) -> {
            Project project = null;
            ProjectId projectId = line.projectId();
            if (projectId != null) {
                project = session.get(ProjectStore.class).find(projectId)
                        .orElseThrow(() -> new NotFoundException("project", projectId.value()));
                if (!project.clientId().equals(client.id())) {
                    throw new ProjectOfOtherClientException(projectId, client.id(), project.clientId());
                }
            }
            TaxTreatment tax = line.taxOverride();
            if (tax == null) {
                Tenant tenant = session.get(TenantStore.class).find()
                        .orElseThrow(() -> new NotFoundException("tenant", scope.tenant().value()));
                tax = TaxTreatments.forLine(tenant, client, project);
            }
            return line.toLine(tax);
        });
    }

    /** Builds a line for a draft and its client. */
    private interface LineMaker {
        InvoiceLine make(StoreSession session, Invoice draft, Client client);
    }

    private Invoice addLine(InvoiceId id, LineMaker maker) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            Invoice inv = load(session, id);
            requireDraft(inv);
            Client client = ClientLookup.find(session, inv.clientId());
            InvoiceLine line = maker.make(session, inv, client);
            Tenant tenant = session.get(TenantStore.class).find().orElse(null);
            TaxTreatments.requireConsistent(id, inv.lines().size() + 1, line.tax(), client,
                    tenant == null ? null : tenant.vatId());
            List<InvoiceLine> lines = new ArrayList<>(inv.lines());
            lines.add(line);
            Invoice stored = session.get(InvoiceStore.class).update(inv.withLines(lines));
            scope.audit(session, "invoice.add-line", "invoice", id.value(), inv, stored);
            return stored;
        });
    }

    /**
     * Removes the line at {@code position} from a draft; the lines after it move up one position.
     *
     * @throws NotFoundException if the draft has no such line
     */
    public Invoice removeLine(InvoiceId id, int position) {
        return editDraft(id, "invoice.remove-line", inv -> {
            List<InvoiceLine> lines = new ArrayList<>(inv.lines().size());
            boolean found = false;
            for (InvoiceLine line : inv.lines()) {
                if (line.position() == position) {
                    found = true;
                } else {
                    lines.add(line);
                }
            }
            if (!found) {
                throw new NotFoundException("invoice line", id.value() + "#" + position);
            }
            return inv.withLines(lines);
        });
    }

    /** Adds a document-level allowance or charge (with its own tax treatment) to a draft. */
    public Invoice addAdjustment(InvoiceId id, AllowanceCharge adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        return editDraft(id, "invoice.add-adjustment", inv -> {
            List<AllowanceCharge> all = new ArrayList<>(inv.adjustments());
            all.add(adjustment);
            return inv.withAdjustments(all);
        });
    }

    /**
     * Adds an allowance of {@code percent} % of the draft's line amounts, one per tax group
     * ({@link DocumentAdjustments#percentOfEachGroup}).
     */
    public Invoice addAllowancePercent(InvoiceId id, BigDecimal percent, String reason) {
        return addPercent(id, false, percent, reason);
    }

    /** Adds a charge of {@code percent} % of the draft's line amounts, one per tax group. */
    public Invoice addChargePercent(InvoiceId id, BigDecimal percent, String reason) {
        return addPercent(id, true, percent, reason);
    }

    /**
     * Adds a fixed allowance spread over the draft's tax groups in proportion to their line
     * amounts ({@link DocumentAdjustments#spreadOverGroups}); a negative amount (a correction,
     * e.g. taking back an earlier discount) raises the total.
     */
    public Invoice addAllowance(InvoiceId id, Money amount, String reason) {
        return addSpread(id, false, amount, reason);
    }

    /** Adds a fixed charge spread over the draft's tax groups in proportion to their line amounts. */
    public Invoice addCharge(InvoiceId id, Money amount, String reason) {
        return addSpread(id, true, amount, reason);
    }

    private Invoice addPercent(InvoiceId id, boolean charge, BigDecimal percent, String reason) {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(reason, "reason");
        return editDraft(id, "invoice.add-adjustment", inv -> {
            List<AllowanceCharge> all = new ArrayList<>(inv.adjustments());
            all.addAll(DocumentAdjustments.percentOfEachGroup(inv, charge, percent, reason));
            return inv.withAdjustments(all);
        });
    }

    private Invoice addSpread(InvoiceId id, boolean charge, Money amount, String reason) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        return editDraft(id, "invoice.add-adjustment", inv -> {
            List<AllowanceCharge> all = new ArrayList<>(inv.adjustments());
            all.addAll(DocumentAdjustments.spreadOverGroups(inv, charge, amount, reason));
            return inv.withAdjustments(all);
        });
    }

    /**
     * Removes the document-level allowance or charge at {@code index} (0-based, in the order of
     * {@link Invoice#adjustments()}).
     */
    public Invoice removeAdjustment(InvoiceId id, int index) {
        return editDraft(id, "invoice.remove-adjustment", inv -> {
            if (index < 0 || index >= inv.adjustments().size()) {
                throw new NotFoundException("invoice adjustment", id.value() + "#" + index);
            }
            List<AllowanceCharge> all = new ArrayList<>(inv.adjustments());
            all.remove(index);
            return inv.withAdjustments(all);
        });
    }

    /**
     * Replaces the draft's buyer references and payment terms text (BT-10 to BT-14, BT-19, BT-20);
     * e.g. {@code references(id, InvoiceReferences.buyer("04011000-12345-03").withPurchaseOrder("PO-7"))}.
     * A draft without a buyer reference takes the client's default at issue.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     */
    public Invoice references(InvoiceId id, InvoiceReferences references) {
        Objects.requireNonNull(references, "references");
        return editDraft(id, "invoice.set-references", inv -> inv.withReferences(references));
    }

    /**
     * Declares {@code amount} as already paid for the draft outside BillOps, e.g. a deposit taken
     * in cash (BT-113); zero withdraws the declaration. At issue it is recorded as a payment of the
     * client dated the issue date (method {@link Payments#DECLARED_PREPAID_METHOD}), allocated to
     * the invoice up to its payable amount; what exceeds that stays the client's credit. The issued
     * invoice's {@code prepaid()} is this amount plus any credit applied on issue, and the
     * e-invoice's amount due (BT-115 = BT-112 − BT-113 + BT-114, BR-CO-16) is then zero or
     * negative when the invoice was paid in full beforehand. Declare only money not recorded
     * through {@link Payments}, or it is counted twice.
     *
     * <p>A negative amount is a correction: the client owes that much more than the document's
     * payable amount (e.g. a payment counted earlier was returned). It is not a payment: the
     * issued invoice {@linkplain Invoice#deducted deducts} it, so its {@link Invoice#receivable()}
     * and amount due are that much higher, and BT-115 exceeds BT-112 by it.
     *
     * <p>The amount must be at most {@link Invoice#PREPAID_LIMIT_FACTOR} times the draft's
     * tax-inclusive total either way; checked now and again at issue.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws dev.billops.core.money.CurrencyMismatchException if {@code amount} is not in the draft's currency
     * @throws PrepaidOutOfRangeException if {@code amount} is beyond the limit either way, or
     *     negative on a credit note
     */
    public Invoice prepaid(InvoiceId id, Money amount) {
        Objects.requireNonNull(amount, "amount");
        return editDraft(id, "invoice.set-prepaid", inv -> {
            InvoiceIssuer.requireDeclaredPrepaid(inv, amount);
            return Transitions.withPrepaid(inv, amount);
        });
    }

    /**
     * Makes the draft deduct the prepayment invoices {@code prepaymentInvoices} (type 386,
     * {@link dev.billops.core.invoice.DocumentType#PREPAYMENT}), replacing those it deducted; an
     * empty list deducts none. This is the final invoice of work billed in advance: it bills the
     * whole work, counts what was paid on each prepayment invoice as paid (BT-113) and refers to
     * them (BG-3). Each must be an issued prepayment invoice of the draft's client and currency,
     * paid in full, and not deducted by another issued invoice; together they must not exceed the
     * draft's payable amount. Checked now and again at issue (in the issuing transaction, where the
     * store lets a prepayment invoice be deducted by one issued invoice only).
     *
     * <p>The ledger keeps the prepayment invoices paid: the issued invoice's
     * {@link Invoice#receivable()} is its payable amount less the deductions, so the client owes
     * only the rest. Voiding the invoice releases them.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws dev.billops.core.error.NotFoundException if a prepayment invoice is not stored
     * @throws dev.billops.core.invoice.PrepaymentNotDeductibleException if one is not deductible
     * @throws PrepaidOutOfRangeException if together they exceed the draft's payable amount
     */
    public Invoice deductPrepayments(InvoiceId id, List<InvoiceId> prepaymentInvoices) {
        Objects.requireNonNull(id, "id");
        List<InvoiceId> ids = List.copyOf(prepaymentInvoices);
        return scope.tx(session -> {
            Invoice inv = load(session, id);
            requireDraft(inv);
            Invoice next = Transitions.withPrepayments(inv, InvoiceIssuer.deductions(session, inv, ids));
            Invoice stored = session.get(InvoiceStore.class).update(next);
            scope.audit(session, "invoice.deduct-prepayments", "invoice", id.value(), inv, stored);
            return stored;
        });
    }

    /**
     * Replaces what the draft says beyond lines, amounts and references: VAT point (BT-7/BT-8),
     * coded notes (BG-1), delivery (BG-13), a payee of its own (BG-10), card or direct debit
     * (BG-18/BG-19), preceding invoice (BG-3); e.g.
     * {@code terms(id, DocumentTerms.none().withTaxPointCode("35").withNote("AAI", "Thank you"))}.
     * A draft that names no deliver-to takes the client's default at issue.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws PrecedingInvoiceRequiredException if the draft is a corrected invoice and
     *     {@code terms} name no preceding invoice
     */
    public Invoice terms(InvoiceId id, DocumentTerms terms) {
        Objects.requireNonNull(terms, "terms");
        return editDraft(id, "invoice.set-terms", inv -> inv.withTerms(terms));
    }

    /**
     * Makes the draft an invoice of type {@code type} (BT-3): {@link DocumentType#INVOICE},
     * {@link DocumentType#PARTIAL}, {@link DocumentType#PREPAYMENT} or
     * {@link DocumentType#SELF_BILLED} (which numbers it in {@link Invoice#SELF_BILLED_SERIES}), or
     * {@link DocumentType#CORRECTED} when its terms already name the preceding invoice (BT-25), e.g.
     * one issued before the host used BillOps; {@link #corrects} makes a corrected invoice of an
     * invoice stored here, checked. Credit notes are made with {@code credit}.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws InvalidInputException if {@code type} is a credit note or the draft is one
     * @throws PrecedingInvoiceRequiredException if {@code type} is {@link DocumentType#CORRECTED}
     *     and the draft names no preceding invoice
     */
    public Invoice documentType(InvoiceId id, DocumentType type) {
        Objects.requireNonNull(type, "type");
        return editDraft(id, "invoice.set-type", inv -> Transitions.withType(inv, type));
    }

    /**
     * Makes the draft a corrected invoice (384) of {@code corrected}: an issued (or void) invoice of
     * the same client, which it names as its preceding invoice (BT-25 number, BT-26 issue date).
     * The corrected invoice is not changed; credit or void it so the client does not owe both.
     *
     * @throws InvoiceAlreadyIssuedException if the draft is not a draft
     * @throws InvoiceNotCorrectableException if {@code corrected} is a draft, a credit note or
     *     another client's invoice
     * @throws NotFoundException if either does not exist
     */
    public Invoice corrects(InvoiceId draftId, InvoiceId corrected) {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(corrected, "corrected");
        return scope.tx(session -> {
            Invoice inv = load(session, draftId);
            requireDraft(inv);
            Invoice old = load(session, corrected);
            String why = old.type().isCreditNote() ? "it is a credit note"
                    : old.isDraft() || old.number() == null ? "it is a draft"
                    : !old.clientId().equals(inv.clientId()) ? "it bills client " + old.clientId() + ", not "
                            + inv.clientId() : null;
            if (why != null) {
                throw new InvoiceNotCorrectableException(draftId, corrected, why);
            }
            Invoice next = Transitions.withType(inv.withTerms(inv.terms().withPrecedingInvoice(
                    new DocumentTerms.PrecedingInvoice(Objects.requireNonNull(old.number()), old.issueDate()))),
                    DocumentType.CORRECTED);
            Invoice stored = session.get(InvoiceStore.class).update(next);
            scope.audit(session, "invoice.set-type", "invoice", draftId.value(), inv, stored);
            return stored;
        });
    }

    /**
     * Sets the period the draft covers (BG-14), e.g. on a manual draft, or none if null.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     */
    public Invoice servicePeriod(InvoiceId id, @Nullable LocalDateRange period) {
        return editDraft(id, "invoice.set-service-period", inv -> inv.withServicePeriod(period));
    }

    /**
     * Sets how the draft's amount due is rounded (BT-114): an explicit rounding amount, e.g.
     * {@code payableRounding(id, PayableRounding.amount(Money.of(EUR, "-0.40")))} to make 1190.40
     * due a round 1190.00, or a cash increment; null for none. The totals follow BR-CO-16
     * (payable = tax-inclusive total + rounding amount).
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws dev.billops.core.money.CurrencyMismatchException if the amount is in another currency;
     *     nothing is stored
     */
    public Invoice payableRounding(InvoiceId id, @Nullable PayableRounding rounding) {
        return editDraft(id, "invoice.set-payable-rounding", inv -> inv.withPayableRounding(rounding));
    }

    /** Replaces the draft's notes. */
    public Invoice setNotes(InvoiceId id, String notes) {
        Objects.requireNonNull(notes, "notes");
        return editDraft(id, "invoice.set-notes", inv -> inv.withNotes(notes));
    }

    /**
     * Deletes a draft.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     */
    public void deleteDraft(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        scope.tx(session -> {
            Invoice inv = load(session, id);
            requireDraft(inv);
            session.get(InvoiceStore.class).deleteDraft(id);
            scope.audit(session, "invoice.delete", "invoice", id.value(), inv, null);
            return null;
        });
    }

    /**
     * Issues a draft with the next number of its series, dated the tenant's today and due after the
     * client's payment terms; see the class comment for the steps. Then, in the same transaction,
     * the follow-up runs: from {@code TenantBilling.invoices()} an amount declared with
     * {@link #prepaid} is recorded as a payment to it, then the client's credit balance is
     * applied to the invoice if the payment policy applies credit on issue (audited as
     * {@code payment.apply-credit}), so the invoice returned may already be PARTIALLY_PAID or PAID.
     *
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws EmptyInvoiceException if it has no lines (BR-16)
     * @throws ClientNotActiveException if the client is inactive
     * @throws dev.billops.core.tax.TaxCategoryRuleViolationException if it breaks a category rule
     * @throws PrepaidOutOfRangeException if its declared prepaid amount is now above the limit
     */
    public Invoice issue(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> issuer.fixPrepaid(session, followUp.afterIssue(session,
                issuer.issue(session, load(session, id), scope.today(session)))));
    }

    /**
     * Issues a draft like {@link #issue(InvoiceId)}, dated {@code issueDate} instead of the tenant's
     * today: back-dated issuing without a fixed clock. The due date is {@code issueDate} + the
     * client's payment terms, and the number comes from the counter of {@code issueDate}'s period
     * (a yearly counter of its year).
     *
     * @throws IssueDateInFutureException if {@code issueDate} is after the tenant's today
     * @throws InvoiceAlreadyIssuedException if it is not a draft
     * @throws EmptyInvoiceException if it has no lines (BR-16)
     * @throws ClientNotActiveException if the client is inactive
     */
    public Invoice issue(InvoiceId id, LocalDate issueDate) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueDate, "issueDate");
        return scope.tx(session -> {
            LocalDate today = scope.today(session);
            if (issueDate.isAfter(today)) {
                throw new IssueDateInFutureException(id, issueDate, today);
            }
            return issuer.fixPrepaid(session, followUp.afterIssue(session,
                    issuer.issue(session, load(session, id), issueDate)));
        });
    }

    /**
     * Voids an issued invoice that has nothing paid or credited (one the prepayment invoices it
     * deducts settled included, which releases them); publishes {@code invoice.voided}.
     * The time entries it billed become OPEN again, so the work can be billed on a corrected
     * invoice (it stays billed at most once at any time). A voided package invoice keeps its
     * period: the package run does not bill that period again (credit or bill it by hand).
     *
     * @throws InvoiceNotIssuedException if it is a draft, already void, or a credit note
     * @throws InvoiceHasPaymentsException if money was paid or credited on it
     */
    public Invoice voidInvoice(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            Invoice inv = load(session, id);
            if (inv.type().isCreditNote() || inv.status() == InvoiceStatus.DRAFT
                    || inv.status() == InvoiceStatus.VOID) {
                throw new InvoiceNotIssuedException(id, inv.status(),
                        !inv.type().isCreditNote() ? "void invoice" : "void credit note");
            }
            // an invoice its deducted prepayment invoices settled is PAID with nothing paid on it
            boolean deductedOnly = inv.status() == InvoiceStatus.PAID && inv.deducted().isPositive();
            if (!inv.paid().isZero() || !inv.credited().isZero()
                    || (inv.status() != InvoiceStatus.ISSUED && !deductedOnly)) {
                throw new InvoiceHasPaymentsException(id, String.valueOf(inv.number()), inv.paid(), inv.credited());
            }
            Invoice voided = session.get(InvoiceStore.class).update(Transitions.withStatus(inv, InvoiceStatus.VOID));
            scope.audit(session, "invoice.void", "invoice", id.value(), inv, voided);
            List<TimeEntryId> reopened = session.get(TimeEntryStore.class).reopenBilledBy(id);
            if (!reopened.isEmpty()) {
                scope.audit(session, "timeentry.reopen", "invoice", id.value(), null,
                        reopened.stream().map(TimeEntryId::value).toList());
            }
            scope.publish(session, new InvoiceVoided(EventId.generate(), scope.clock().instant(), id,
                    String.valueOf(inv.number())));
            return voided;
        });
    }

    /**
     * Credits everything still open on an invoice. When nothing was paid, credited or deducted
     * (prepayment invoices) yet the credit note mirrors the invoice (same lines, adjustments and
     * totals); otherwise it credits the balance as an amount ({@link #creditAmount}). An amount
     * owed beyond the lines by a negative declared BT-113 ({@link #prepaid}) is no supply and
     * stays due: it is settled by a payment, not credited.
     *
     * @return the issued credit note
     * @throws CreditExceedsBalanceException if nothing is left to credit
     */
    public Invoice creditFully(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            Invoice inv = creditable(session, id);
            if (!inv.amountDue().isPositive()) {
                throw new CreditExceedsBalanceException(id, inv.totals().payable(), inv.amountDue());
            }
            Invoice note;
            // prepayment invoices deducted are settled like a payment: only the rest is credited; a
            // negative declared amount (owed beyond the lines) is no supply, so the lines are mirrored
            if (inv.paid().isZero() && inv.credited().isZero() && !inv.deducted().isPositive()) {
                note = CreditNoteBuilder.mirror(inv, InvoiceId.generate());
            } else {
                note = CreditNoteBuilder.amount(inv, InvoiceId.generate(), inv.amountDue(),
                        "credit of the balance of invoice " + inv.number());
            }
            return issueCredit(session, inv, note);
        });
    }

    /**
     * Credits the lines at {@code positions} (each at most once over all credit notes of the
     * invoice), each with its share of the invoice's document-level allowances and charges: every
     * allowance or charge, fixed or percentage, is spread over the positive lines of its tax group
     * in proportion to their amounts, to the minor unit ({@link DocumentAdjustments}).
     *
     * <p>The credit note that credits the last lines not yet credited takes exactly what is left:
     * the invoice's payable amount minus the earlier line credits, whatever the price basis,
     * rounding policy and cash rounding. With net prices the note that credits the last lines of
     * a VAT group takes what is left of that group's tax, so the notes reverse the invoice's VAT
     * exactly; the invoice's cash rounding and any other difference of a few minor units are the
     * last note's rounding amount (BT-114). When nothing was paid or credited by amount, the
     * invoice then has 0.00 due and is PAID (settled), like after {@link #creditFully}.
     *
     * @return the issued credit note
     * @throws NotFoundException if a position is not a line of the invoice
     * @throws LineAlreadyCreditedException if a line was credited before
     * @throws CreditExceedsBalanceException if the credit exceeds the balance
     */
    public Invoice creditLines(InvoiceId id, Collection<Integer> positions) {
        Objects.requireNonNull(id, "id");
        List<Integer> selected = List.copyOf(Objects.requireNonNull(positions, "positions"));
        return scope.tx(session -> {
            Invoice inv = creditable(session, id);
            List<Invoice> earlier = session.get(InvoiceStore.class).creditNotesOf(id);
            Invoice note = CreditNoteBuilder.lines(inv, InvoiceId.generate(), selected, earlier);
            return issueCredit(session, inv, note);
        });
    }

    /**
     * Credits {@code amount}, tax included, split over the invoice's VAT groups in proportion to
     * their gross amounts.
     *
     * @return the issued credit note, whose payable amount is exactly {@code amount}
     * @throws CreditExceedsBalanceException if {@code amount} exceeds the balance
     */
    public Invoice creditAmount(InvoiceId id, Money amount, String reason) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new InvalidInputException("credit of invoice " + id + ": reason is blank");
        }
        return scope.tx(session -> {
            Invoice inv = creditable(session, id);
            return issueCredit(session, inv, CreditNoteBuilder.amount(inv, InvoiceId.generate(), amount, reason));
        });
    }

    /** Credit notes issued against {@code id}. */
    public List<Invoice> creditNotesOf(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(InvoiceStore.class).creditNotesOf(id));
    }

    /**
     * Invoices (not credit notes) that are overdue at the end of {@code date}: issued or partially
     * paid, a balance above zero and a due date before {@code date}. Ordered like the store lists.
     */
    public List<Invoice> overdueOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return scope.tx(session -> {
            List<Invoice> out = new ArrayList<>();
            session.get(InvoiceStore.class).forEach(InvoiceQuery.open(null), inv -> {
                if (inv.isOverdueOn(date)) {
                    out.add(inv);
                }
            });
            return out;
        });
    }

    /** {@link #overdueOn} the tenant's today (the clock's instant in the tenant's zone). */
    public List<Invoice> overdueToday() {
        return overdueOn(scope.today());
    }

    private Invoice issueCredit(StoreSession session, Invoice invoice, Invoice noteDraft) {
        Money creditable = invoice.amountDue();
        Money requested = noteDraft.totals().payable();
        if (requested.isGreaterThan(creditable)) {
            throw new CreditExceedsBalanceException(invoice.id(), requested, creditable);
        }
        if (!requested.isPositive()) {
            throw new InvalidInputException("credit of invoice " + invoice.id() + " would be " + requested
                    + "; a credit note credits a positive amount");
        }
        LocalDate today = scope.today(session);
        issuer.validate(session, noteDraft);
        String number = issuer.nextNumber(session, noteDraft.series(), noteDraft.clientId(), today);
        scope.publish(session, new InvoiceCreated(EventId.generate(), scope.clock().instant(), noteDraft.id(),
                noteDraft.clientId()));
        Invoice note = issuer.issueWithNumber(session, noteDraft, number, today, today);
        Invoice credited = session.get(InvoiceStore.class)
                .update(Transitions.withSettlement(invoice, invoice.paid(), invoice.credited().plus(requested)));
        scope.audit(session, "invoice.credit", "invoice", invoice.id().value(), invoice, credited);
        scope.publish(session, new InvoiceCredited(EventId.generate(), scope.clock().instant(), invoice.id(),
                note.id(), number, requested));
        return note;
    }

    private Invoice creditable(StoreSession session, InvoiceId id) {
        Invoice inv = load(session, id);
        if (inv.type().isCreditNote() || inv.status() == InvoiceStatus.DRAFT
                || inv.status() == InvoiceStatus.VOID) {
            throw new InvoiceNotIssuedException(id, inv.status(),
                    !inv.type().isCreditNote() ? "credit invoice" : "credit the credit note");
        }
        return inv;
    }

    private Invoice editDraft(InvoiceId id, String action, UnaryOperator<Invoice> edit) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            Invoice inv = load(session, id);
            requireDraft(inv);
            Invoice next = edit.apply(inv);
            Invoice stored = session.get(InvoiceStore.class).update(next);
            scope.audit(session, action, "invoice", id.value(), inv, stored);
            return stored;
        });
    }

    private static void requireDraft(Invoice inv) {
        if (!inv.isDraft()) {
            throw new InvoiceAlreadyIssuedException(inv.id(), inv.status());
        }
    }

    /** Longest delivery channel name (a notifier id such as {@code smtp}). */
    public static final int MAX_CHANNEL_LENGTH = 200;
    /** Longest recipient (an e-mail address, a phone number, a portal user). */
    public static final int MAX_RECIPIENT_LENGTH = 320;

    /**
     * Records that an issued invoice (or credit note) was sent through {@code channel} (e.g. the
     * notifier id) to {@code recipient}: an audited fact (action {@code invoice.sent}) and event
     * {@code invoice.sent}. Its {@link InvoiceStatus} does not change; each call is one more sending.
     *
     * @throws InvoiceNotIssuedException if it is a draft
     * @throws InvalidTextException if channel or recipient is blank or too long
     */
    public InvoiceDelivery markSent(InvoiceId id, String channel, String recipient) {
        Objects.requireNonNull(id, "id");
        String ch = nonBlank("delivery channel", channel, MAX_CHANNEL_LENGTH);
        String to = nonBlank("delivery recipient", recipient, MAX_RECIPIENT_LENGTH);
        return scope.tx(session -> {
            Invoice inv = deliverable(session, id, "mark sent");
            Instant now = scope.clock().instant();
            InvoiceSent event = new InvoiceSent(EventId.generate(), now, id, String.valueOf(inv.number()),
                    inv.clientId(), ch, to);
            recordDelivery(session, now, "invoice.sent", id, event);
            return delivery(session, id);
        });
    }

    /**
     * Records that the client viewed an issued invoice at {@code at} (as the host saw it, e.g. on
     * a portal link): an audited fact dated {@code at} and event {@code invoice.viewed}.
     *
     * @throws InvoiceNotIssuedException if it is a draft
     */
    public InvoiceDelivery markViewed(InvoiceId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return scope.tx(session -> {
            Invoice inv = deliverable(session, id, "mark viewed");
            InvoiceViewed event = new InvoiceViewed(EventId.generate(), scope.clock().instant(), id,
                    String.valueOf(inv.number()), inv.clientId(), at);
            recordDelivery(session, at, "invoice.viewed", id, event);
            return delivery(session, id);
        });
    }

    /**
     * Records that the client downloaded an issued invoice at {@code at}: an audited fact dated
     * {@code at} and event {@code invoice.downloaded}.
     *
     * @throws InvoiceNotIssuedException if it is a draft
     */
    public InvoiceDelivery markDownloaded(InvoiceId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return scope.tx(session -> {
            Invoice inv = deliverable(session, id, "mark downloaded");
            InvoiceDownloaded event = new InvoiceDownloaded(EventId.generate(), scope.clock().instant(), id,
                    String.valueOf(inv.number()), inv.clientId(), at);
            recordDelivery(session, at, "invoice.downloaded", id, event);
            return delivery(session, id);
        });
    }

    /**
     * The delivery facts of an invoice (NOT_SENT for a draft or an invoice nobody reported yet).
     *
     * @throws NotFoundException if there is no such invoice
     */
    public InvoiceDelivery delivery(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> {
            load(session, id);
            return delivery(session, id);
        });
    }

    private static String nonBlank(String field, String value, int maxLength) {
        Text.require(field, value, maxLength);
        if (value.isBlank()) {
            throw new InvalidTextException(field, "is blank");
        }
        return value;
    }

    private static Invoice deliverable(StoreSession session, InvoiceId id, String operation) {
        Invoice inv = load(session, id);
        if (inv.status() == InvoiceStatus.DRAFT) {
            throw new InvoiceNotIssuedException(id, inv.status(), operation);
        }
        return inv;
    }

    private void recordDelivery(StoreSession session, Instant at, String action, InvoiceId id, BillingEvent event) {
        session.get(AuditLog.class).append(new AuditRecord(at, scope.actor(), action, DELIVERY_ENTITY, id.value(),
                null, event));
        scope.publish(session, event);
    }

    private static InvoiceDelivery delivery(StoreSession session, InvoiceId id) {
        Instant sent = null;
        Instant viewed = null;
        Instant downloaded = null;
        int times = 0;
        for (AuditRecord r : session.get(AuditLog.class).history(DELIVERY_ENTITY, id.value())) {
            switch (r.action()) {
                case "invoice.sent" -> {
                    times++;
                    sent = earliest(sent, r.at());
                }
                case "invoice.viewed" -> viewed = earliest(viewed, r.at());
                case "invoice.downloaded" -> downloaded = earliest(downloaded, r.at());
                default -> {
                }
            }
        }
        DeliveryStatus status = downloaded != null ? DeliveryStatus.DOWNLOADED
                : viewed != null ? DeliveryStatus.VIEWED
                : times > 0 ? DeliveryStatus.SENT : DeliveryStatus.NOT_SENT;
        return new InvoiceDelivery(id, status, sent, times, viewed, downloaded);
    }

    private static Instant earliest(@Nullable Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Invoice load(StoreSession session, InvoiceId id) {
        return session.get(InvoiceStore.class).find(id)
                .orElseThrow(() -> new NotFoundException("invoice", id.value()));
    }
}
