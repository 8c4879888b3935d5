package dev.billops.examples.demo;

import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.AgingReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one demo run did, for the summary it prints.
 *
 * @param tenant the tenant the run created
 * @param seed the seed of the generated time
 * @param loggedEntries time entries logged by hand (generated)
 * @param calendar what the calendar import did, or null if no calendar was imported
 * @param billedHours the hours of every stored time entry of the month
 * @param invoices every issued invoice, hourly ones first, then the package run's, by number
 * @param packageRun the package billing run's result
 * @param payments the payments recorded, in order
 * @param autopay the autopay charges of the package invoices of autopay clients, in order
 * @param pdfs the PDFs written, one per issued invoice
 * @param bank what the import of January's bank statement did
 * @param aging the AR aging at {@code agingDate}
 * @param einvoices the e-invoices written for the German client: an XRechnung (UBL) and a Factur-X PDF
 */
public record DemoReport(TenantId tenant, long seed, int loggedEntries, @Nullable CalendarSummary calendar,
        String billedHours, List<IssuedInvoice> invoices, PackageRunResult packageRun, List<RecordedPayment> payments,
        List<AutopayCharge> autopay, List<Path> pdfs, BankImport bank, AgingReport aging, List<Path> einvoices) {

    public DemoReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(billedHours, "billedHours");
        invoices = List.copyOf(invoices);
        Objects.requireNonNull(packageRun, "packageRun");
        payments = List.copyOf(payments);
        autopay = List.copyOf(autopay);
        pdfs = List.copyOf(pdfs);
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(aging, "aging");
        einvoices = List.copyOf(einvoices);
    }

    /**
     * An issued invoice.
     *
     * @param clientId the client
     * @param clientName its name
     * @param number the invoice number
     * @param kind {@code time} (from time entries) or {@code package} (from the package run)
     * @param total what it asks for (the payable amount, tax included)
     * @param dueDate its due date
     */
    public record IssuedInvoice(ClientId clientId, String clientName, String number, String kind, Money total,
            LocalDate dueDate) {
    }

    /**
     * A payment the demo recorded.
     *
     * @param clientId the payer
     * @param date the value date
     * @param amount the amount received
     * @param kind {@code full}, {@code partial} or {@code over}
     * @param invoiceNumber the invoice it pays
     * @param credit what was left over as client credit (zero unless {@code over})
     */
    public record RecordedPayment(ClientId clientId, LocalDate date, Money amount, String kind, String invoiceNumber,
            Money credit) {
    }

    /**
     * An autopay charge of an invoice.
     *
     * @param clientId the client
     * @param invoiceNumber the invoice
     * @param amount its balance, what was charged
     * @param outcome PAID, FAILED, PENDING or SKIPPED
     * @param message the gateway's or autopay's explanation
     */
    public record AutopayCharge(ClientId clientId, String invoiceNumber, Money amount, String outcome,
            String message) {
    }

    /**
     * What the calendar import did.
     *
     * @param source the file name
     * @param created entries created
     * @param skipped events skipped (all-day, declined, cancelled, free)
     * @param unmapped events without a known project code
     */
    public record CalendarSummary(String source, int created, int skipped, int unmapped) {
    }

    /**
     * The import of a bank statement ({@link BankStatementStep}).
     *
     * @param file the statement's file name, in the output folder
     * @param format its format, e.g. {@code camt.053.001.08}
     * @param bookings the bookings it holds
     * @param matches the incoming payments with what the import made of them, by date
     * @param ignored debits and reversals
     * @param recordedAgain payments the second import of the same file recorded (none)
     * @param alreadyRecorded payments the second import found recorded before
     */
    public record BankImport(String file, String format, int bookings, List<BankMatch> matches, int ignored,
            int recordedAgain, int alreadyRecorded) {
        public BankImport {
            matches = List.copyOf(matches);
        }
    }

    /**
     * What the import made of one incoming payment.
     *
     * @param date the booking date
     * @param amount the amount
     * @param payer the payer's name, or {@code -}
     * @param outcome EXACT, PARTIAL, OVER, AMBIGUOUS or UNMATCHED
     * @param rule the matching rule that decided
     * @param invoices the invoice numbers it pays (EXACT) or the candidates, comma-separated
     * @param recorded whether a payment was recorded (EXACT matches)
     * @param explanation the matcher's explanation
     */
    public record BankMatch(LocalDate date, Money amount, String payer, String outcome, String rule, String invoices,
            boolean recorded, String explanation) {
    }
}
