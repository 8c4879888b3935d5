package dev.billops.examples.cli;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code invoice-pdf}: renders one stored invoice or credit note, found by its number, to a PDF
 * file, written beside the target and moved into place (see {@link OutputFile}).
 */
@Command(name = "invoice-pdf", mixinStandardHelpOptions = true,
        description = {"Renders the invoice (or credit note) with the given number to a PDF file.",
            "FILE must not exist unless --force is given; only a regular file is ever replaced, never a folder, "
                + "device or link. The new file gets the permissions of any new file (umask)."})
final class InvoicePdfCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "the invoice number")
    @Nullable String number;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PDF file to write")
    @Nullable Path out;

    @Option(names = {"-f", "--force"}, description = "replace FILE if it is an existing regular file")
    boolean force;

    @Option(names = "--tenant", paramLabel = "ID", converter = IdConverter.Tenant.class,
            description = "the tenant (needed only when several tenants have an invoice with this number)")
    @Nullable String tenant;

    @Override
    public Integer call() {
        String wanted = Objects.requireNonNull(number, "number");
        Path file = Objects.requireNonNull(out, "out");
        OutputFile output = new OutputFile(file, force);
        output.check();
        try (JdbcBillingStore store = db.open()) {
            NumberedInvoice numbered = NumberedInvoice.find(store, db, tenant, wanted);
            Invoice found = numbered.invoice();
            TenantBilling t = Billing.builder().stores(store).build().tenant(numbered.tenant(), Actor.system("invoice-pdf"));
            InvoiceDocument document = found.type() == DocumentType.CREDIT_NOTE && found.creditedInvoiceId() != null
                    ? InvoiceDocument.creditNote(t.profile().get(), t.clients().get(found.clientId()), found,
                            Objects.requireNonNull(t.invoices().get(found.creditedInvoiceId()).number()))
                    : InvoiceDocument.of(t.profile().get(), t.clients().get(found.clientId()), found);
            InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
            long size = output.write(pdf -> renderer.render(document, pdf));
            Objects.requireNonNull(spec).commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s %s of %s, %d bytes)%n",
                    file, found.type() == DocumentType.CREDIT_NOTE ? "credit note" : "invoice", wanted,
                    t.clients().get(found.clientId()).name(), size);
        }
        return BillOpsCli.EXIT_OK;
    }
}
