package dev.billops.examples.cli;

import dev.billops.core.Billing;
import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.TenantBilling;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.facturx.FacturX;
import dev.billops.einvoice.model.Attachment;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code einvoice}: writes one stored invoice or credit note as an EN 16931 e-invoice of a
 * profile (XRechnung UBL or CII, Peppol BIS, EN 16931 UBL or CII, or a Factur-X PDF). The business
 * terms come from the stored tenant, client and invoice (their e-invoice details and references);
 * the options override single terms for this one file. A profile that misses a required term is
 * refused with the list of what is missing, and nothing is written.
 */
@Command(name = "einvoice", mixinStandardHelpOptions = true,
        description = {"Writes the invoice (or credit note) with the given number as an e-invoice.",
            "Profiles: xrechnung-ubl, xrechnung-cii, peppol, en16931-ubl, en16931-cii, facturx (a PDF/A-3 with the CII "
                + "XML embedded). FILE must not exist unless --force is given.",
            "Business terms come from the stored tenant, client and invoice; the term options override them."})
final class EInvoiceCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "the invoice number")
    @Nullable String number;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE",
            description = "xrechnung-ubl, xrechnung-cii, peppol, en16931-ubl, en16931-cii or facturx")
    @Nullable String profile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    @Nullable Path out;

    @Option(names = {"-f", "--force"}, description = "replace FILE if it is an existing regular file")
    boolean force;

    @Option(names = "--tenant", paramLabel = "ID", converter = IdConverter.Tenant.class,
            description = "the tenant (needed only when several tenants have an invoice with this number)")
    @Nullable String tenant;

    @Option(names = "--buyer-reference", paramLabel = "REF",
            description = "BT-10 buyer reference, e.g. a Leitweg-ID (XRechnung requires it; default: the invoice's, "
                    + "stored at issue from the client's default)")
    @Nullable String buyerReference;

    @Option(names = "--seller-contact", paramLabel = "NAME",
            description = "BT-41 seller contact point (default: the tenant's stored contact)")
    @Nullable String sellerContact;

    @Option(names = "--seller-phone", paramLabel = "PHONE",
            description = "BT-42 seller contact telephone number (default: the tenant's stored one)")
    @Nullable String sellerPhone;

    @Option(names = "--seller-endpoint", paramLabel = "SCHEME:ID",
            description = "BT-34 seller electronic address with its EAS scheme, e.g. 9930:DE811907980 "
                    + "(default: the tenant's stored electronic address, else its e-mail with scheme EM)")
    @Nullable String sellerEndpoint;

    @Option(names = "--buyer-endpoint", paramLabel = "SCHEME:ID",
            description = "BT-49 buyer electronic address with its EAS scheme (default: the client's stored electronic "
                    + "address, else its e-mail with scheme EM)")
    @Nullable String buyerEndpoint;

    @Option(names = "--attach-pdf",
            description = "embed the invoice's PDF in the XML as its supporting document (BG-24); "
                    + "not with facturx, whose file is that PDF")
    boolean attachPdf;

    @Override
    public Integer call() {
        EInvoiceProfile chosen = EInvoiceProfile.byCliName(Objects.requireNonNull(profile, "profile"));
        if (chosen == null) {
            throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(), "unknown profile '"
                    + profile + "'; choose one of " + Arrays.stream(EInvoiceProfile.values())
                            .map(EInvoiceProfile::cliName).collect(Collectors.joining(", ")));
        }
        if (attachPdf && chosen == EInvoiceProfile.FACTURX_EN16931) {
            throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(),
                    "--attach-pdf is for the XML profiles; a facturx file is the PDF itself");
        }
        ElectronicAddress sellerAddress = endpoint("--seller-endpoint", sellerEndpoint);
        ElectronicAddress buyerAddress = endpoint("--buyer-endpoint", buyerEndpoint);
        String wanted = Objects.requireNonNull(number, "number");
        Path file = Objects.requireNonNull(out, "out");
        OutputFile output = new OutputFile(file, force);
        output.check();
        try (JdbcBillingStore store = db.open()) {
            NumberedInvoice numbered = NumberedInvoice.find(store, db, tenant, wanted);
            Invoice found = numbered.invoice();
            TenantBilling t = Billing.builder().stores(store).build().tenant(numbered.tenant(), Actor.system("einvoice"));
            Tenant seller = t.profile().get();
            Client buyer = t.clients().get(found.clientId());
            Invoice credited = found.type() == DocumentType.CREDIT_NOTE && found.creditedInvoiceId() != null
                    ? t.invoices().get(found.creditedInvoiceId()) : null;
            EInvoice e = credited == null ? EInvoiceMapper.map(seller, buyer, found)
                    : EInvoiceMapper.creditNote(seller, buyer, found, credited);
            e = complete(e, sellerAddress, buyerAddress);
            EInvoice einvoice = e;
            Invoice invoice = found;
            long size;
            if (chosen == EInvoiceProfile.FACTURX_EN16931) {
                byte[] hybrid = FacturX.create(pdf(seller, buyer, invoice, credited), einvoice);
                size = output.write(o -> o.write(hybrid));
            } else {
                if (attachPdf) {
                    List<Attachment> attachments = new ArrayList<>(einvoice.attachments());
                    attachments.add(Attachment.invoicePdf(wanted, pdf(seller, buyer, invoice, credited)));
                    einvoice = einvoice.withAttachments(attachments);
                }
                byte[] xml = EInvoiceWriter.write(einvoice, chosen);
                size = output.write(o -> o.write(xml));
            }
            Objects.requireNonNull(spec).commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s of %s %s, %d bytes)%n",
                    file, chosen.title(), found.type() == DocumentType.CREDIT_NOTE ? "credit note" : "invoice", wanted,
                    size);
        }
        return BillOpsCli.EXIT_OK;
    }

    private static byte[] pdf(Tenant seller, Client buyer, Invoice invoice, @Nullable Invoice credited) {
        InvoiceDocument document = credited == null ? InvoiceDocument.of(seller, buyer, invoice)
                : InvoiceDocument.creditNote(seller, buyer, invoice, Objects.requireNonNull(credited.number()));
        return InvoicePdfRenderer.create().render(document);
    }

    private EInvoice complete(EInvoice e, @Nullable ElectronicAddress sellerAddress,
            @Nullable ElectronicAddress buyerAddress) {
        EInvoice out = e.withBuyerReference(buyerReference == null ? e.buyerReference() : buyerReference);
        if (sellerContact != null || sellerPhone != null) {
            Contact c = out.seller().contact();
            out = out.withSeller(out.seller().withContact(new Contact(
                    sellerContact != null ? sellerContact : c == null ? null : c.name(),
                    sellerPhone != null ? sellerPhone : c == null ? null : c.phone(), c == null ? null : c.email())));
        }
        if (sellerAddress != null) {
            out = out.withSeller(out.seller().withElectronicAddress(sellerAddress));
        }
        if (buyerAddress != null) {
            out = out.withBuyer(out.buyer().withElectronicAddress(buyerAddress));
        }
        return out;
    }

    private @Nullable ElectronicAddress endpoint(String option, @Nullable String value) {
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(), option
                    + " needs SCHEME:ID, e.g. 9930:DE811907980, got '" + value + "'");
        }
        String scheme = value.substring(0, colon);
        try {
            scheme = CodeLists.eas("BT-34/BT-49 electronic address scheme", scheme);
        } catch (InvalidBusinessTermException e) {
            throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(), option + ": "
                    + e.getMessage());
        }
        return new ElectronicAddress(value.substring(colon + 1), scheme);
    }
}
