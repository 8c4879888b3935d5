package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantStore;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStore;
import dev.billops.core.store.StoreSession;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the issued package invoice of one (engagement, period), reading what it needs through a
 * session; writes nothing. Immutable and thread-safe.
 */
final class PackageInvoices {

    /** Metadata key set to {@code "true"} on invoices of clients with autopay. */
    static final String AUTOPAY_KEY = "autopay";

    private final PackagePolicy policy;
    private final BillingPeriods periods;
    private final PackageNumbering numbering;

    PackageInvoices(PackagePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.periods = BillingPeriods.of(policy);
        this.numbering = PackageNumbering.parse(policy.numberPattern());
    }

    BillingPeriods periods() {
        return periods;
    }

    PackageNumbering numbering() {
        return numbering;
    }

    /** What the issued invoice is made of before it gets its number. */
    record Draft(Invoice invoice, Client client, LocalDate dueDate) {
    }

    /**
     * The invoice of {@code period} of {@code engagement}, issued on {@code issueDate}, without a
     * number yet (see {@link #issue}).
     *
     * @throws NotFoundException if the client (or the engagement's project) does not exist
     * @throws InvalidInputException if the client is inactive or the tenant's VAT rate is needed but unknown
     * @throws CurrencyMismatchException if the fee is not in the client's currency
     */
    Draft draft(StoreSession session, Engagement engagement, BillingPeriod period, LocalDate issueDate) {
        Client client = session.get(ClientStore.class).find(engagement.clientId())
                .orElseThrow(() -> new NotFoundException("client", engagement.clientId().value()));
        if (!client.active()) {
            throw new InvalidInputException("client " + client.id() + " of engagement " + engagement.id()
                    + " is inactive; inactive clients get no new invoices");
        }
        Money fee = periods.fee(engagement, period);
        if (!fee.currency().getCurrencyCode().equals(client.currency().getCurrencyCode())) {
            throw new CurrencyMismatchException(client.currency().getCurrencyCode(), fee.currencyCode(),
                    "engagement " + engagement.id() + " package fee for client " + client.id());
        }
        TaxTreatment tax = taxTreatment(session, client, engagement);
        List<InvoiceLine> lines = new ArrayList<>(1);
        lines.add(new InvoiceLine(1, lineDescription(engagement, period), BigDecimal.ONE, UnitCode.PIECE,
                UnitPrice.of(fee), BigDecimal.ONE, List.of(), tax, period.range(), List.of(), engagement.projectId(),
                null, null, null));
        int dueDays = policy.dueDays() != null ? policy.dueDays() : client.paymentTermsDays();
        LocalDate due = issueDate.plusDays(dueDays);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (client.autopayEnabled()) {
            metadata.put(AUTOPAY_KEY, "true");
        }
        Invoice invoice = Invoice.draft(InvoiceId.generate(), client.id(), client.currency(), InvoiceSource.PACKAGE)
                .withSeries(policy.series())
                .withServicePeriod(period.range())
                .withMetadata(metadata)
                .forPackagePeriod(engagement.id(), period.start())
                .withLines(lines);
        return new Draft(invoice, client, due);
    }

    /** {@code draft} issued on {@code issueDate} with {@code number}. */
    static Invoice issue(Draft draft, String number, LocalDate issueDate) {
        return draft.invoice().issuedAs(number, issueDate, draft.dueDate());
    }

    /**
     * The line's tax from the client's tax profile; a STANDARD client pays the project's VAT rate
     * if the engagement names a project that has one, else the tenant's default rate.
     */
    private static TaxTreatment taxTreatment(StoreSession session, Client client, Engagement engagement) {
        String reason = client.exemptionReason();
        return switch (client.taxProfile()) {
            case STANDARD -> TaxTreatment.standard(standardRate(session, engagement));
            case EXEMPT -> TaxTreatment.exempt(reason != null && !reason.isBlank() ? reason : "Exempt from VAT");
            case REVERSE_CHARGE -> TaxTreatment.reverseCharge();
            case INTRA_COMMUNITY -> TaxTreatment.intraCommunity();
            case EXPORT -> TaxTreatment.export();
            case OUT_OF_SCOPE -> TaxTreatment.outOfScope(reason != null && !reason.isBlank() ? reason
                    : "Not subject to VAT");
        };
    }

    private static BigDecimal standardRate(StoreSession session, Engagement engagement) {
        if (engagement.projectId() != null) {
            Project project = session.get(ProjectStore.class).find(engagement.projectId())
                    .orElseThrow(() -> new NotFoundException("project", engagement.projectId().value()));
            if (project.vatRate() != null) {
                return project.vatRate();
            }
        }
        Tenant tenant = session.get(TenantStore.class).find()
                .orElseThrow(() -> new InvalidInputException("tenant " + session.tenant()
                        + " has no seller record, so its default VAT rate for engagement " + engagement.id()
                        + " is unknown"));
        return tenant.defaultVatRate();
    }

    /** E.g. "Retainer, 2024-02-15 – 2024-02-29 (prorated: 15 of 29 days)". */
    private String lineDescription(Engagement engagement, BillingPeriod period) {
        StringBuilder out = new StringBuilder(engagement.description().isBlank() ? "Package fee"
                : engagement.description());
        out.append(", ").append(period.start()).append(" \u2013 ").append(period.lastDay());
        if (period.isPartial() && engagement.proration() == ProrationPolicy.PRORATE_BY_DAYS) {
            out.append(" (prorated: ").append(period.days()).append(" of ").append(period.fullDays())
                    .append(" days)");
        }
        return out.toString();
    }
}
