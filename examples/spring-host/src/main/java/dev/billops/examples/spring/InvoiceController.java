package dev.billops.examples.spring;

import static dev.billops.examples.spring.Requests.required;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.time.LocalDateRange;
import dev.billops.examples.spring.Requests.CreditBody;
import dev.billops.examples.spring.Requests.DraftBody;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices: drafts from unbilled time, issue, void, credit notes, PDF. A CLIENT caller lists and
 * reads only its own client's documents; another client's invoice answers 404.
 */
@RestController
public class InvoiceController {

    private final Callers callers;
    private final InvoicePdfRenderer renderer = InvoicePdfRenderer.create();

    public InvoiceController(Callers callers) {
        this.callers = callers;
    }

    /** Invoices and credit notes of the tenant (a CLIENT caller: of its client), optionally by client and status. */
    @GetMapping("/api/invoices")
    public List<Invoice> list(@RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String status) {
        Optional<ClientId> bound = callers.boundClient();
        ClientId client = bound.orElse(clientId == null ? null : ClientId.of(clientId));
        if (bound.isPresent() && clientId != null && !bound.get().equals(ClientId.of(clientId))) {
            return List.of();
        }
        Set<InvoiceStatus> statuses = status == null ? Set.of() : EnumSet.of(status(status));
        return callers.billing().invoices().list(new InvoiceQuery(client, statuses, null));
    }

    /**
     * A draft from the client's unbilled billable time started in {@code [from, to)}; with
     * {@code dryRun=true} the same draft computed and not saved. 201 with the draft, or 422 when there
     * is nothing to bill.
     */
    @PostMapping("/api/invoices/drafts")
    public ResponseEntity<Invoice> draft(@RequestBody DraftBody body,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        TenantBilling t = callers.billing();
        ClientId client = ClientId.of(required(body.clientId(), "clientId"));
        LocalDateRange period = LocalDateRange.of(required(body.from(), "from"), required(body.to(), "to"));
        Optional<Invoice> draft = dryRun ? t.invoices().preview(client, period) : t.invoices().draft(client, period);
        Invoice invoice = draft.orElseThrow(() -> new NothingToBillException(client, period));
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(invoice);
    }

    @GetMapping("/api/invoices/{id}")
    public Invoice get(@PathVariable String id) {
        return visible(id);
    }

    @PostMapping("/api/invoices/{id}/issue")
    public Invoice issue(@PathVariable String id) {
        return callers.billing().invoices().issue(InvoiceId.of(id));
    }

    @PostMapping("/api/invoices/{id}/void")
    public Invoice voidInvoice(@PathVariable String id) {
        return callers.billing().invoices().voidInvoice(InvoiceId.of(id));
    }

    /** Issues a credit note of the invoice: of the amount given, or of all that is left. 201 with the note. */
    @PostMapping("/api/invoices/{id}/credit-notes")
    public ResponseEntity<Invoice> credit(@PathVariable String id, @RequestBody(required = false) @Nullable CreditBody body) {
        TenantBilling t = callers.billing();
        InvoiceId invoiceId = InvoiceId.of(id);
        Invoice note;
        if (body == null || body.amount() == null) {
            note = t.invoices().creditFully(invoiceId);
        } else {
            Invoice invoice = t.invoices().get(invoiceId);
            note = t.invoices().creditAmount(invoiceId, Money.of(invoice.currency(), body.amount()),
                    required(body.reason(), "reason"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    /** The issued invoice or credit note as PDF, in the client's locale. */
    @GetMapping(value = "/api/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Invoice invoice = visible(id);
        TenantBilling t = callers.billing();
        byte[] pdf = renderer.render(InvoiceDocument.of(t.profile().get(), t.clients().get(invoice.clientId()), invoice));
        String name = (invoice.number() != null ? invoice.number() : "draft-" + invoice.id().value()) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .body(pdf);
    }

    private Invoice visible(String id) {
        Invoice invoice = callers.billing().invoices().get(InvoiceId.of(id));
        callers.requireVisible("invoice", id, invoice.clientId());
        return invoice;
    }

    private static InvoiceStatus status(String text) {
        try {
            return InvoiceStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status '" + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
                    + "' is not one of " + java.util.Arrays.toString(InvoiceStatus.values()));
        }
    }

}
