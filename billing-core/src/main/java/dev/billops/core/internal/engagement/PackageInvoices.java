package dev.billops.core.internal.engagement;

import dev.billops.core.internal.ClientLookup;
import dev.billops.core.engagement.PackageNumbering;
import dev.billops.core.engagement.BillingPeriod;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PricingMode;
import dev.billops.core.engagement.ProrationPolicy;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.error.Text;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.ClientNotActiveException;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.internal.invoice.TaxTreatments;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the issued package invoice of one (engagement, period), reading what it needs through a
 * session; writes nothing. Immutable and thread-safe.
 */
public final class PackageInvoices {

    /** Metadata key set to {@code "true"} on invoices of clients with autopay. */
    static final String AUTOPAY_KEY = "autopay";

    private final PackagePolicy policy;
    private final BillingPeriods periods;
    private final @Nullable PackageNumbering numbering;

    public PackageInvoices(PackagePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.periods = BillingPeriods.of(policy);
        String pattern = policy.numberPattern();
        this.numbering = pattern == null ? null : PackageNumbering.parse(pattern);
    }

    public BillingPeriods periods() {
        return periods;
    }

    /** The package number pattern, or null when the tenant's numbering numbers package invoices. */
    @Nullable PackageNumbering numbering() {
        return numbering;
    }

    /** What the issued invoice is made of before it gets its number. */
    public record Draft(Invoice invoice, Client client, LocalDate dueDate) {
    }

    /**
     * The draft invoice of {@code period} of {@code engagement} to be issued on {@code issueDate},
     * with its due date (the client's payment terms, or the policy's fixed days), priced by the
     * tenant's tax policy (price basis, rounding, cash increment): one line with the (prorated)
     * fee and the service period, taxed by the client's tax profile
     * ({@link dev.billops.core.internal.invoice.TaxTreatments#forLine}), metadata {@code autopay=true}
     * for clients with autopay. A MIXED engagement adds the period's work beyond the included hours
     * ({@link RetainerHours}); every entry of the period is billed by the invoice.
     *
     * @throws NotFoundException if the client (or the engagement's project) does not exist
     * @throws ClientNotActiveException if the client is inactive
     * @throws InvalidInputException if the tenant has no seller record
     * @throws CurrencyMismatchException if the fee is not in the client's currency
     */
    public Draft draft(StoreSession session, Engagement engagement, BillingPeriod period, LocalDate issueDate) {
        Client client = ClientLookup.requireActive(session, engagement.clientId(),
                "bill engagement " + engagement.id());
        Money fee = periods.fee(engagement, period);
        if (!fee.currency().getCurrencyCode().equals(client.currency().getCurrencyCode())) {
            throw new CurrencyMismatchException(client.currency().getCurrencyCode(), fee.currencyCode(),
                    "engagement " + engagement.id() + " package fee for client " + client.id());
        }
        Tenant tenant = session.get(TenantStore.class).find()
                .orElseThrow(() -> new InvalidInputException("tenant " + session.tenant()
                        + " has no seller record, so it cannot issue the invoice of engagement " + engagement.id()));
        TaxTreatment tax = taxTreatment(session, tenant, client, engagement);
        TaxPolicy taxPolicy = tenant.policies().tax();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (client.autopayEnabled()) {
            metadata.put(AUTOPAY_KEY, "true");
        }
        List<TimeEntryId> covered = List.of();
        List<InvoiceLine> overage = List.of();
        if (engagement.mode() == PricingMode.MIXED) {
            RetainerHours.Result hours = RetainerHours.compute(session, engagement, period, periods, tenant, client);
            covered = hours.coveredEntries();
            overage = hours.overageLines();
            metadata.putAll(hours.metadata());
        }
        List<InvoiceLine> lines = new ArrayList<>(1 + overage.size());
        lines.add(new InvoiceLine(1, lineDescription(engagement, period), BigDecimal.ONE, UnitCode.PIECE,
                UnitPrice.of(fee), BigDecimal.ONE, List.of(), tax, period.range(), covered, engagement.projectId(),
                null, null, null));
        lines.addAll(overage);
        int dueDays = policy.dueDays() != null ? policy.dueDays() : client.paymentTermsDays();
        LocalDate due = issueDate.plusDays(dueDays);
        Invoice invoice = Invoice.draft(InvoiceId.generate(), client.id(), client.currency(), InvoiceSource.PACKAGE)
                .withSeries(policy.series())
                .withPricing(taxPolicy.priceBasis(), taxPolicy.rounding(), taxPolicy.cashIncrementFor(client.currency()))
                .withServicePeriod(period.range())
                .withMetadata(metadata)
                .forPackagePeriod(engagement.id(), period.start())
                .withLines(lines);
        return new Draft(invoice, client, due);
    }

    /**
     * The line's tax from the client's tax profile ({@link TaxTreatments#forLine}): a STANDARD
     * client pays the VAT rate of the engagement's project if it has one, else the tenant's.
     */
    private static TaxTreatment taxTreatment(StoreSession session, Tenant tenant, Client client,
            Engagement engagement) {
        @Nullable Project project = null;
        if (engagement.projectId() != null) {
            project = session.get(ProjectStore.class).find(engagement.projectId())
                    .orElseThrow(() -> new NotFoundException("project", engagement.projectId().value()));
        }
        return TaxTreatments.forLine(tenant, client, project);
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
        return Text.fit(out.toString(), InvoiceLine.MAX_DESCRIPTION);
    }
}
