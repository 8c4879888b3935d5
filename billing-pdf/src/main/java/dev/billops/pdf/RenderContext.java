package dev.billops.pdf;

import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxSubtotal;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What every block of one rendering needs: the document, its words, formats and style. */
final class RenderContext {

    /** Countries that write the city before the postal code. */
    private static final Set<String> CITY_FIRST = Set.of("US", "CA", "AU");
    /** Countries that put the postal code on a line of its own, after the city. */
    private static final Set<String> POSTCODE_LINE = Set.of("GB", "IE");

    final InvoiceDocument doc;
    final Invoice invoice;
    final Tenant seller;
    final Client buyer;
    final PdfOptions options;
    final Locale locale;
    final Labels labels;
    final Formats formats;
    final Style style;

    RenderContext(InvoiceDocument doc, PdfOptions options) {
        this.doc = doc;
        this.invoice = doc.invoice();
        this.seller = doc.seller();
        this.buyer = doc.buyer();
        this.options = options;
        this.locale = options.locale() != null ? options.locale() : buyer.locale();
        this.labels = Labels.of(locale);
        this.formats = new Formats(locale, invoice.currency(), options.theme().font());
        this.style = new Style(options.theme());
    }

    boolean creditNote() {
        return invoice.type() == DocumentType.CREDIT_NOTE;
    }

    String title() {
        return labels.get("title." + invoice.type().name());
    }

    /**
     * For a credit note, the number of the invoice it credits as printed: the one the document
     * names, else the credited invoice's id; null for an invoice.
     */
    @Nullable String creditedInvoiceNumber() {
        if (!creditNote()) {
            return null;
        }
        String credited = doc.creditedInvoiceNumber();
        if (credited == null && invoice.creditedInvoiceId() != null) {
            credited = invoice.creditedInvoiceId().value();
        }
        return credited;
    }

    /** What the document says beyond lines and amounts (none for most invoices). */
    DocumentTerms terms() {
        return invoice.terms();
    }

    /** The document number, or a "not issued" note for a draft. */
    String number() {
        String number = invoice.number();
        return number != null ? number : labels.get("fact.notIssued");
    }

    /** The mark printed beside the title, or null for an ordinary invoice. */
    @Nullable Mark mark() {
        InvoiceStatus status = invoice.status();
        if (status == InvoiceStatus.VOID) {
            return new Mark(labels.get("mark.VOID"), Style.VOID, true);
        }
        if (status == InvoiceStatus.DRAFT) {
            return new Mark(labels.get("mark.DRAFT"), Style.DRAFT, true);
        }
        if (creditNote()) {
            return new Mark(labels.get("mark.CREDIT_NOTE"), style.accent, false);
        }
        if (status == InvoiceStatus.PAID) {
            return new Mark(labels.get("mark.PAID"), Style.PAID, true);
        }
        return null;
    }

    /**
     * Whether nothing on the document is subject to VAT (every group is category O, as for a
     * seller outside any VAT system): the VAT column and breakdown are then left out.
     */
    boolean outsideVat() {
        for (TaxSubtotal group : invoice.taxBreakdown()) {
            if (group.category() != TaxCategory.O) {
                return false;
            }
        }
        return !invoice.taxBreakdown().isEmpty();
    }

    /** "VAT 19%", "Reverse charge", … */
    String taxLabel(TaxCategory category, @Nullable BigDecimal ratePercent) {
        String rate = ratePercent == null ? "" : formats.percent(ratePercent);
        return labels.format("tax." + category.name(), rate);
    }

    /** Whether the two parties are in different countries, so addresses print their country. */
    boolean international() {
        return !seller.address().countryCode().equals(buyer.address().countryCode());
    }

    /** The printed lines of an address, in the order its country writes them. */
    List<String> addressLines(Address address) {
        return addressLines(address, international());
    }

    /**
     * The printed lines of a place of delivery: its country is printed when the parties' addresses
     * print theirs or when it is not the seller's country.
     */
    List<String> deliveryAddressLines(Address address) {
        return addressLines(address, international() || !address.countryCode().equals(seller.address().countryCode()));
    }

    private List<String> addressLines(Address address, boolean withCountry) {
        List<String> lines = new ArrayList<>(address.lines());
        String country = address.countryCode();
        String postal = address.postalCode();
        String city = address.city();
        if (country.equals("JP")) {
            // Japanese order: postal mark and code, then prefecture/city, then the street lines
            lines.clear();
            addIfPresent(lines, postal.isBlank() ? "" : "\u3012" + postal);
            addIfPresent(lines, city);
            lines.addAll(address.lines());
        } else if (POSTCODE_LINE.contains(country)) {
            addIfPresent(lines, city);
            addIfPresent(lines, postal);
        } else if (CITY_FIRST.contains(country)) {
            addIfPresent(lines, (city + " " + postal).strip());
        } else {
            addIfPresent(lines, (postal + " " + city).strip());
        }
        if (withCountry) {
            lines.add(formats.country(country));
        }
        return lines;
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (!line.isBlank()) {
            lines.add(line);
        }
    }

    /**
     * A status or document-type mark.
     *
     * @param text the printed word
     * @param color its colour
     * @param watermark whether it is also printed across every page
     */
    record Mark(String text, Color color, boolean watermark) {
    }
}
