package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxCalculator;
import dev.billops.core.tax.TaxResult;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxableAmount;
import dev.billops.core.tax.Totals;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit note, from draft to paid.
 *
 * <p>Totals and the VAT breakdown are computed by {@link TaxCalculator} whenever lines or
 * adjustments change ({@link #recalculated()}); a stored issued invoice keeps the totals it was
 * issued with. The credit note that credits an invoice's last open lines carries tax corrections
 * and a rounding amount (BT-114) in its metadata, which this applies so that it takes exactly
 * what is left of the invoice. Only drafts can change content: {@link #withLines}, {@link #withAdjustments},
 * {@link #withPricing}, {@link #withPayableRounding}, {@link #withServicePeriod}, {@link #withNotes} and
 * {@link #withPurchaseOrderRef}, {@link #withReferences}, {@link #withTerms} (and {@link #withSeries}, {@link #forPackagePeriod},
 * {@link #asCreditNoteOf}) throw {@link InvoiceAlreadyIssuedException} on anything else. Number,
 * issue and due date, status, paid and credited amounts are set only by the services that issue,
 * void, pay and credit invoices; this type has no public method that changes them. Overdue is
 * derived ({@link #isOverdueOn}), never stored.
 *
 * @param id invoice id
 * @param type invoice (of one of the {@linkplain DocumentType invoice types}) or credit note
 * @param series numbering series, e.g. {@code "INV"}, {@code "CN"}, {@code "PKG"}
 * @param number assigned at issue; null while DRAFT
 * @param clientId the buyer
 * @param currency document currency
 * @param status lifecycle state
 * @param issueDate set at issue
 * @param dueDate issue date + client terms, set at issue
 * @param servicePeriod the period the invoice covers, or null
 * @param lines the lines, at positions 1..n in this order
 * @param adjustments document-level allowances and charges, each with a tax treatment
 * @param priceBasis whether line prices include tax
 * @param taxRounding where tax is rounded
 * @param cashIncrement how the payable amount is rounded (BT-114): a cash increment, or an explicit
 *     rounding amount of less than one currency unit ({@link PayableRounding}); null for none
 * @param taxBreakdown one subtotal per (category, rate)
 * @param lineNets net amount per line (parallel to {@code lines})
 * @param totals document totals
 * @param paid sum of payments allocated to it
 * @param credited sum of issued credit notes against it
 * @param notes free text printed on the document (reverse-charge and exemption notes are added
 *     by the renderer from the breakdown)
 * @param metadata host and plugin metadata, e.g. {@code autopay=true}
 * @param source what produced it
 * @param engagementId the engagement of a package invoice, or null
 * @param packagePeriodStart the billing period start of a package invoice, or null
 * @param creditedInvoiceId for a credit note: the invoice it credits
 * @param references the buyer's references (BT-10 to BT-14, BT-19) and payment terms text (BT-20)
 * @param terms what the document says beyond lines, amounts and references: VAT point, coded
 *     notes, delivery, payee, card or direct debit, preceding invoice ({@link DocumentTerms})
 * @param prepaid the amount paid when it was issued (BT-113), fixed in the issuing transaction
 *     (a client's credit applied on issue plus what the host declared as paid outside BillOps);
 *     for a draft, the amount declared so far (zero if none). Later payments change {@code paid},
 *     never this; on an issued invoice it includes {@code deducted}
 * @param prepayments the issued prepayment invoices (386) this invoice deducts: their amounts count
 *     in BT-113, and the document refers to them (BG-3); chosen on the draft with
 *     {@code Invoices#deductPrepayments}
 * @param deducted the part of BT-113 that is no payment in BillOps' ledger, fixed at issue (zero on
 *     a draft): the prepayment invoices' amounts deducted, plus a negative declared amount (a
 *     correction that makes the client owe more than this document's payable amount). The ledger
 *     holds {@link #receivable()} = payable − deducted on this invoice
 * @param version optimistic-locking version, managed by the store
 */
public record Invoice(
        InvoiceId id,
        DocumentType type,
        String series,
        @Nullable String number,
        ClientId clientId,
        CurrencyUnit currency,
        InvoiceStatus status,
        @Nullable LocalDate issueDate,
        @Nullable LocalDate dueDate,
        @Nullable LocalDateRange servicePeriod,
        List<InvoiceLine> lines,
        List<AllowanceCharge> adjustments,
        PriceBasis priceBasis,
        TaxRoundingPolicy taxRounding,
        @Nullable PayableRounding cashIncrement,
        List<TaxSubtotal> taxBreakdown,
        List<Money> lineNets,
        Totals totals,
        Money paid,
        Money credited,
        String notes,
        Map<String, String> metadata,
        InvoiceSource source,
        @Nullable EngagementId engagementId,
        @Nullable LocalDate packagePeriodStart,
        @Nullable InvoiceId creditedInvoiceId,
        InvoiceReferences references,
        DocumentTerms terms,
        Money prepaid,
        List<PrepaymentDeduction> prepayments,
        Money deducted,
        long version) {

    /** Default series of invoices. */
    public static final String INVOICE_SERIES = "INV";
    /** Series of {@linkplain DocumentType#SELF_BILLED self-billed} invoices. */
    public static final String SELF_BILLED_SERIES = "SB";
    /** Default series of credit notes. */
    public static final String CREDIT_NOTE_SERIES = "CN";
    /**
     * Metadata key on the credit note that credits an invoice's last lines: the rounding amount
     * (BT-114, a signed decimal) that makes it take exactly what is left of the invoice.
     */
    public static final String CLOSING_ROUNDING_KEY = "credit.closing-rounding";
    /**
     * Metadata key on a credit note that credits the last lines of a VAT group of an invoice: the
     * tax corrections that make the notes reverse the invoice's tax exactly, as
     * {@code group=amount} entries ({@link dev.billops.core.tax.VatGroup}) separated by {@code ;},
     * e.g. {@code S/19=0.01}.
     */
    public static final String CLOSING_TAX_KEY = "credit.closing-tax";
    /**
     * How many times its tax-inclusive total (BT-112) a draft may declare as paid outside it
     * ({@code Invoices#prepaid}): a guard against a misplaced decimal point or minor units taken
     * for major ones; money beyond that is recorded as a payment, not declared on one invoice.
     */
    public static final int PREPAID_LIMIT_FACTOR = 10;

    static {
        Transitions.register(new Access());
    }

    /** The transitions only the services perform, registered with {@link Transitions}. */
    private static final class Access implements Transitions.InvoiceTransitions {
        @Override
        public Invoice issuedAs(Invoice draft, String number, LocalDate issueDate, LocalDate dueDate) {
            return draft.issuedAs(number, issueDate, dueDate);
        }

        @Override
        public Invoice withPrepaid(Invoice issued, Money prepaid) {
            return issued.withPrepaid(prepaid);
        }

        @Override
        public Invoice withStatus(Invoice invoice, InvoiceStatus status) {
            return invoice.withStatus(status);
        }

        @Override
        public Invoice withSettlement(Invoice invoice, Money paid, Money credited) {
            return invoice.withSettlement(paid, credited);
        }

        @Override
        public Invoice withType(Invoice draft, DocumentType type) {
            return draft.withType(type);
        }

        @Override
        public Invoice withPrepayments(Invoice draft, List<PrepaymentDeduction> prepayments) {
            return draft.withPrepayments(prepayments);
        }
    }

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priceBasis, "priceBasis");
        Objects.requireNonNull(taxRounding, "taxRounding");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        adjustments = List.copyOf(Objects.requireNonNull(adjustments, "adjustments"));
        taxBreakdown = List.copyOf(Objects.requireNonNull(taxBreakdown, "taxBreakdown"));
        lineNets = List.copyOf(Objects.requireNonNull(lineNets, "lineNets"));
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
        Text.require("invoice series", series, 64);
        Text.optional("invoice number", number, 200);
        Text.require("invoice notes", notes, 100_000);
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(prepaid, "prepaid");
        prepayments = List.copyOf(Objects.requireNonNull(prepayments, "prepayments"));
        Objects.requireNonNull(deducted, "deducted");
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Text.require("invoice metadata key", e.getKey(), 200);
            Text.require("invoice metadata value", e.getValue(), Integer.MAX_VALUE); // a JSON column: no length limit
        }
        String code = currency.getCurrencyCode();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).position() != i + 1) {
                throw new InvalidInputException("invoice " + id + ": line " + (i + 1) + " has position "
                        + lines.get(i).position() + "; lines are numbered 1..n in order");
            }
        }
        for (InvoiceLine line : lines) {
            if (!line.price().currencyCode().equals(code)) {
                throw new CurrencyMismatchException(code, line.price().currencyCode(), "invoice " + id + " line "
                        + line.position());
            }
        }
        for (AllowanceCharge ac : adjustments) {
            if (ac.tax() == null) {
                throw new InvalidInputException("invoice " + id + ": document-level " + (ac.charge() ? "charge" : "allowance")
                        + " '" + ac.reason() + "' needs a tax treatment");
            }
            if (!ac.amount().currencyCode().equals(code)) {
                throw new CurrencyMismatchException(code, ac.amount().currencyCode(), "invoice " + id + " adjustment");
            }
        }
        if (!prepaid.currencyCode().equals(code)) {
            throw new CurrencyMismatchException(code, prepaid.currencyCode(), "invoice " + id + " prepaid amount");
        }
        if (!deducted.currencyCode().equals(code)) {
            throw new CurrencyMismatchException(code, deducted.currencyCode(), "invoice " + id + " deducted amount");
        }
        for (PrepaymentDeduction d : prepayments) {
            if (!d.amount().currencyCode().equals(code)) {
                throw new CurrencyMismatchException(code, d.amount().currencyCode(), "invoice " + id
                        + " deduction of prepayment invoice " + d.number());
            }
        }
        if (!prepayments.isEmpty() && (type.isCreditNote() || type == DocumentType.PREPAYMENT)) {
            throw new InvalidInputException("invoice " + id + " is a " + type + "; only an invoice that is neither "
                    + "a credit note nor a prepayment invoice deducts prepayment invoices");
        }
        if (cashIncrement instanceof PayableRounding.Amount a && !a.amount().currencyCode().equals(code)) {
            throw new CurrencyMismatchException(code, a.amount().currencyCode(), "invoice " + id + " rounding amount");
        }
        if (lineNets.size() != lines.size()) {
            throw new InvalidInputException("invoice " + id + ": " + lineNets.size() + " line nets for "
                    + lines.size() + " lines");
        }
        if (status != InvoiceStatus.DRAFT && number == null) {
            throw new InvalidInputException("invoice " + id + " is " + status + " but has no number");
        }
        if ((type == DocumentType.CREDIT_NOTE) != (creditedInvoiceId != null)) {
            throw new InvalidInputException("invoice " + id + ": a credit note, and only a credit note, references "
                    + "the invoice it credits");
        }
        if (type == DocumentType.CORRECTED && terms.precedingInvoice() == null) {
            throw new PrecedingInvoiceRequiredException(id);
        }
    }

    /**
     * An invoice whose only reference is the purchase order {@code purchaseOrderRef} (BT-13) and
     * that had nothing paid at issue; the form before {@link InvoiceReferences} and BT-113.
     */
    public Invoice(InvoiceId id, DocumentType type, String series, @Nullable String number, ClientId clientId,
            CurrencyUnit currency, InvoiceStatus status, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
            @Nullable LocalDateRange servicePeriod, List<InvoiceLine> lines, List<AllowanceCharge> adjustments,
            PriceBasis priceBasis, TaxRoundingPolicy taxRounding, @Nullable PayableRounding cashIncrement,
            List<TaxSubtotal> taxBreakdown, List<Money> lineNets, Totals totals, Money paid, Money credited,
            String notes, Map<String, String> metadata, InvoiceSource source, @Nullable EngagementId engagementId,
            @Nullable LocalDate packagePeriodStart, @Nullable InvoiceId creditedInvoiceId,
            @Nullable String purchaseOrderRef, long version) {
        this(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod, lines,
                adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid, credited,
                notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                InvoiceReferences.none().withPurchaseOrder(purchaseOrderRef), DocumentTerms.none(), Money.zero(currency),
                List.of(), Money.zero(currency), version);
    }

    /**
     * A new empty draft in the client's currency, net prices, per-group tax rounding.
     */
    public static Invoice draft(InvoiceId id, ClientId clientId, CurrencyUnit currency, InvoiceSource source) {
        Money zero = Money.zero(currency);
        Totals totals = new Totals(zero, zero, zero, zero, zero, zero, zero, zero);
        return new Invoice(id, DocumentType.INVOICE, INVOICE_SERIES, null, clientId, currency, InvoiceStatus.DRAFT,
                null, null, null, List.of(), List.of(), PriceBasis.NET, TaxRoundingPolicy.PER_GROUP, null, List.of(),
                List.of(), totals, zero, zero, "", Map.of(), source, null, null, null, InvoiceReferences.none(), DocumentTerms.none(), zero,
                List.of(), zero, 0);
    }

    /**
     * This invoice with totals, breakdown and line nets computed from its lines and adjustments
     * (and, for the closing credit note of an invoice, its tax corrections and rounding amount).
     */
    public Invoice recalculated() {
        List<TaxableAmount> lineAmounts = new ArrayList<>(lines.size());
        for (InvoiceLine line : lines) {
            lineAmounts.add(new TaxableAmount(line.netAmount(), line.tax()));
        }
        List<TaxableAmount> docAmounts = new ArrayList<>(adjustments.size());
        for (AllowanceCharge ac : adjustments) {
            docAmounts.add(new TaxableAmount(ac.signedAmount(), Objects.requireNonNull(ac.tax()), ac.charge()));
        }
        BigDecimal increment = cashIncrement instanceof PayableRounding.CashIncrement c ? c.increment() : null;
        TaxResult computed = TaxCalculator.calculate(currency, lineAmounts, docAmounts, priceBasis, taxRounding,
                increment);
        if (cashIncrement instanceof PayableRounding.Amount a) {
            computed = new TaxResult(computed.totals().withRoundingAmount(a.amount()), computed.breakdown(),
                    computed.lineNets(), computed.adjustmentNets());
        }
        // the closing credit note of an invoice takes exactly what is left of it
        TaxResult r = ClosingCorrections.apply(type, metadata, computed);
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, r.breakdown(), r.lineNets(), r.totals(),
                paid, credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    /**
     * What the ledger holds on this invoice: the payable amount less what it {@linkplain #deducted
     * deducted} (prepayment invoices paid before; a negative declared amount adds).
     */
    public Money receivable() {
        return totals.payable().minus(deducted);
    }

    /** What is still owed: receivable − paid − credited (BT-115 after prepayments and deductions). */
    public Money amountDue() {
        return receivable().minus(paid).minus(credited);
    }

    /** Whether the invoice (never a credit note) is past due with a positive balance on {@code date}. */
    public boolean isOverdueOn(LocalDate date) {
        return !type.isCreditNote() && dueDate != null && date.isAfter(dueDate) && amountDue().isPositive()
                && (status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID);
    }

    public boolean isDraft() {
        return status == InvoiceStatus.DRAFT;
    }

    /** Replaces the lines, numbering them 1..n in the given order, and recalculates. */
    public Invoice withLines(List<InvoiceLine> lines) {
        requireDraft();
        List<InvoiceLine> numbered = new ArrayList<>(lines.size());
        for (InvoiceLine line : lines) {
            numbered.add(line.withPosition(numbered.size() + 1));
        }
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                numbered, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, zeroNets(lines.size()),
                totals, paid, credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version).recalculated();
    }

    /** Replaces document-level allowances and charges and recalculates. */
    public Invoice withAdjustments(List<AllowanceCharge> adjustments) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version).recalculated();
    }

    /** Sets price basis, tax rounding policy and cash increment (null: none), and recalculates. */
    public Invoice withPricing(PriceBasis basis, TaxRoundingPolicy rounding, @Nullable BigDecimal cashIncrement) {
        return repriced(basis, rounding, cashIncrement == null ? null : PayableRounding.cashIncrement(cashIncrement));
    }

    /**
     * This draft with its payable amount rounded by {@code rounding} (BT-114; null: not rounded),
     * price basis and tax rounding unchanged, recalculated; e.g.
     * {@code withPayableRounding(PayableRounding.amount(Money.of(EUR, "-0.40")))} makes an amount
     * due of 1190.40 a round 1190.00.
     *
     * @throws InvoiceAlreadyIssuedException if this is not a draft
     * @throws CurrencyMismatchException if an explicit rounding amount is in another currency
     */
    public Invoice withPayableRounding(@Nullable PayableRounding rounding) {
        return repriced(priceBasis, taxRounding, rounding);
    }

    private Invoice repriced(PriceBasis basis, TaxRoundingPolicy rounding, @Nullable PayableRounding cashIncrement) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, basis, rounding, cashIncrement, taxBreakdown, lineNets, totals, paid, credited,
                notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references, terms,
                prepaid, prepayments, deducted,
                version).recalculated();
    }

    public Invoice withServicePeriod(@Nullable LocalDateRange period) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, period, lines,
                adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid, credited,
                notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references, terms,
                prepaid, prepayments, deducted, version);
    }

    public Invoice withNotes(String notes) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    public Invoice withMetadata(Map<String, String> metadata) {
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    /** This draft in numbering series {@code series}. */
    public Invoice withSeries(String series) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    /** The purchase order reference (BT-13) of {@link #references()}, or null. */
    public @Nullable String purchaseOrderRef() {
        return references.purchaseOrder();
    }

    /**
     * This draft with {@code references} (buyer, purchase order, project, contract, sales order and
     * accounting references, payment terms text) replacing its own.
     *
     * @throws InvoiceAlreadyIssuedException if this is not a draft
     */
    public Invoice withReferences(InvoiceReferences references) {
        Objects.requireNonNull(references, "references");
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references, terms,
                prepaid, prepayments, deducted, version);
    }

    /**
     * This draft with {@code terms} (VAT point, coded notes, delivery, payee, card or direct debit,
     * preceding invoice) replacing its own.
     *
     * @throws InvoiceAlreadyIssuedException if this is not a draft
     * @throws PrecedingInvoiceRequiredException if this is a corrected invoice and {@code terms}
     *     name no preceding invoice
     */
    public Invoice withTerms(DocumentTerms terms) {
        Objects.requireNonNull(terms, "terms");
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references,
                terms, prepaid, prepayments, deducted, version);
    }

    /**
     * This draft as an invoice of type {@code type}, for the services only
     * ({@code Invoices.documentType}, {@code Invoices.corrects}, draft options): a type is a
     * transition, not a content edit. A self-billed invoice moves from the default
     * series to {@link #SELF_BILLED_SERIES}, and back when it becomes another type; a series the
     * host chose is kept.
     *
     * @throws InvoiceAlreadyIssuedException if this is not a draft
     * @throws InvalidInputException if this is a credit note or {@code type} is
     *     {@link DocumentType#CREDIT_NOTE} (credit notes are made by crediting an invoice)
     * @throws PrecedingInvoiceRequiredException if {@code type} is {@link DocumentType#CORRECTED}
     *     and the terms name no preceding invoice
     */
    private Invoice withType(DocumentType type) {
        Objects.requireNonNull(type, "type");
        requireDraft();
        if (type.isCreditNote() || this.type.isCreditNote()) {
            throw new InvalidInputException("invoice " + id + " is a " + this.type + " and cannot become a "
                    + type + "; credit notes are made by crediting an issued invoice");
        }
        String s = type == DocumentType.SELF_BILLED && series.equals(INVOICE_SERIES) ? SELF_BILLED_SERIES
                : type != DocumentType.SELF_BILLED && series.equals(SELF_BILLED_SERIES) ? INVOICE_SERIES : series;
        return new Invoice(id, type, s, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references,
                terms, prepaid, prepayments, deducted, version);
    }

    /** This draft with purchase order reference {@code ref} (BT-13), the other references unchanged. */
    public Invoice withPurchaseOrderRef(@Nullable String ref) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references.withPurchaseOrder(ref), terms, prepaid, prepayments, deducted, version);
    }

    /** Marks a package invoice draft with its engagement and billing period start. */
    public Invoice forPackagePeriod(EngagementId engagement, LocalDate periodStart) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagement, periodStart, creditedInvoiceId, references, terms,
                prepaid, prepayments, deducted,
                version);
    }

    /** Turns this draft into a credit note of {@code credited}. */
    public Invoice asCreditNoteOf(InvoiceId credited) {
        requireDraft();
        return new Invoice(id, DocumentType.CREDIT_NOTE, CREDIT_NOTE_SERIES, number, clientId, currency, status,
                issueDate, dueDate, servicePeriod, lines, adjustments, priceBasis, taxRounding, cashIncrement,
                taxBreakdown, lineNets, totals, paid, this.credited, notes, metadata, InvoiceSource.CREDIT,
                engagementId, packagePeriodStart, credited, references, terms, prepaid, List.of(), Money.zero(currency),
                version);
    }

    /**
     * The issued form: number, dates and status set, and what BT-113 counts beyond payments fixed
     * into {@link #deducted}: the prepayment invoices' amounts plus a negative declared amount.
     */
    private Invoice issuedAs(String number, LocalDate issueDate, LocalDate dueDate) {
        Money zero = Money.zero(currency);
        Money fixed = prepaid.min(zero);
        for (PrepaymentDeduction d : prepayments) {
            fixed = fixed.plus(d.amount());
        }
        return new Invoice(id, type, series, number, clientId, currency, InvoiceStatus.ISSUED, issueDate, dueDate,
                servicePeriod, lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets,
                totals, paid, credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, fixed, version);
    }

    /**
     * This draft deducting {@code prepayments} (replacing the ones it deducted), for the services
     * only ({@code Invoices.deductPrepayments}, which checks each against the store).
     */
    private Invoice withPrepayments(List<PrepaymentDeduction> prepayments) {
        requireDraft();
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references,
                terms, prepaid, prepayments, Money.zero(currency), version);
    }

    /** This issued invoice with amount paid at issue {@code prepaid} (BT-113). */
    private Invoice withPrepaid(Money prepaid) {
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId, references, terms,
                prepaid, prepayments, deducted, version);
    }

    private Invoice withStatus(InvoiceStatus status) {
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    /**
     * Sets the paid and credited amounts (payment and credit-note services only); the status
     * follows from the balance: nothing due → PAID, something paid or credited → PARTIALLY_PAID,
     * else ISSUED.
     *
     * @throws InvalidInputException if this is a draft or void, or if paid + credited exceed the payable amount
     */
    private Invoice withSettlement(Money paid, Money credited) {
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            throw new InvalidInputException("invoice " + (number == null ? id.value() : number) + " is " + status
                    + "; only issued invoices take payments or credits");
        }
        Money due = receivable().minus(paid).minus(credited);
        if (due.isNegative() || paid.isNegative() || credited.isNegative()) {
            throw new InvalidInputException("invoice " + number + ": paid " + paid + " and credited " + credited
                    + " exceed the receivable " + receivable());
        }
        InvoiceStatus next = due.isZero() ? InvoiceStatus.PAID
                : (paid.isPositive() || credited.isPositive()) ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
        return new Invoice(id, type, series, number, clientId, currency, next, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    public Invoice withVersion(long version) {
        return new Invoice(id, type, series, number, clientId, currency, status, issueDate, dueDate, servicePeriod,
                lines, adjustments, priceBasis, taxRounding, cashIncrement, taxBreakdown, lineNets, totals, paid,
                credited, notes, metadata, source, engagementId, packagePeriodStart, creditedInvoiceId,
                references, terms, prepaid, prepayments, deducted, version);
    }

    /**
     * Issued documents are immutable (corrections are credit notes): the withers that change a
     * document's content throw for anything but a draft.
     */
    private void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw new InvoiceAlreadyIssuedException(id, status);
        }
    }

    private List<Money> zeroNets(int size) {
        List<Money> nets = new ArrayList<>(size);
        Money zero = Money.zero(currency);
        for (int i = 0; i < size; i++) {
            nets.add(zero);
        }
        return nets;
    }
}
