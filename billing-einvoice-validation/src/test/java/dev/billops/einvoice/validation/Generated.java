package dev.billops.einvoice.validation;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.Delivery;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import dev.billops.einvoice.model.Identifier;
import dev.billops.einvoice.model.PostalAddress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.money.CurrencyUnit;

/**
 * Seeded generator of issued BillOps invoices and credit notes mapped to the e-invoice model and
 * completed with the terms XRechnung and Peppol require: every VAT category (one special
 * category per document beside standard-rated lines, O and split payment B alone, B between
 * Italian parties), line and document allowances and charges (amounts and percentages, some
 * negative), base quantities, negative correction quantities, net prices with up to 18 decimals,
 * explicit rounding amounts (BT-114), EUR, JPY, HUF and BHD.
 */
final class Generated {

    /** What one draw produced. */
    record Case(String label, String category, String currency, boolean creditNote, EInvoice invoice) {
    }

    private static final String[] SPECIAL = {"S", "Z", "E", "AE", "K", "G", "O", "B"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "JPY", "HUF", "BHD"};

    private Generated() {
    }

    /** Case {@code i} of a run seeded with {@code seed}: the same pair always gives the same case. */
    static Case draw(long seed, int i) {
        Random r = new Random(seed * 1_000_003L + i);
        String special = SPECIAL[i % SPECIAL.length];
        String code = CURRENCIES[r.nextInt(CURRENCIES.length)];
        boolean credit = r.nextInt(4) == 0;
        CurrencyUnit currency = Currencies.of(code);
        BigDecimal standardRate = switch (code) {
            case "JPY", "BHD" -> new BigDecimal("10");
            case "HUF" -> new BigDecimal("27");
            default -> new BigDecimal(List.of("19", "7", "21", "5.5").get(r.nextInt(4)));
        };
        boolean outOfScope = special.equals("O");
        // split payment (B) is for domestic Italian invoices only (BR-B-01), and alone (BR-B-02: no S)
        boolean split = special.equals("B");
        Address sellerAddress = split ? new Address(List.of("Via Dante " + (1 + r.nextInt(99))), "20121", "Milano", "IT")
                : new Address(List.of("Hauptstraße " + (1 + r.nextInt(99))), "10115", "Berlin", "DE");
        Tenant tenant = Tenant.of(TenantId.of("t" + i), "Seller " + i + " GmbH", sellerAddress)
                .withVatId(outOfScope ? null : split ? "IT01234567897" : "DE123456789")
                .withEmail("billing@seller" + i + ".example")
                .withBankAccount("DE02120300000000202051", "BYLADEM1001").withDefaultVatRate(standardRate);
        TaxProfile profile = switch (special) {
            case "AE" -> TaxProfile.REVERSE_CHARGE;
            case "K" -> TaxProfile.INTRA_COMMUNITY;
            default -> TaxProfile.STANDARD;
        };
        String buyerVat = outOfScope ? null : special.equals("AE") || special.equals("K") ? "FR61954506077" : null;
        Client client = Client.of(ClientId.of("c" + i), "Buyer " + i + " SARL",
                split ? new Address(List.of("Piazza Matteotti 27"), "24122", "Bergamo", "IT")
                        : new Address(List.of("12 rue de la Paix"), "75002", "Paris", "FR"), currency)
                .withVatId(buyerVat).withTaxProfile(profile).withEmail("ap@buyer" + i + ".example");
        TaxTreatment specialTax = switch (special) {
            case "Z" -> TaxTreatment.zeroRated();
            case "E" -> TaxTreatment.exempt("Exempt under Article 135 of Directive 2006/112/EC");
            case "AE" -> TaxTreatment.reverseCharge();
            case "K" -> TaxTreatment.intraCommunity();
            case "G" -> TaxTreatment.export();
            case "O" -> TaxTreatment.outOfScope("Not subject to VAT");
            case "B" -> TaxTreatment.splitPayment(standardRate);
            // a second standard rate, but in BHD only 10 %, which keeps tax of 0.1-multiples at 2 decimals
            default -> TaxTreatment.standard(code.equals("BHD") ? standardRate
                    : standardRate.equals(new BigDecimal("19")) ? new BigDecimal("7") : new BigDecimal("19"));
        };
        TaxTreatment standard = TaxTreatment.standard(standardRate);
        boolean bhd = code.equals("BHD");
        boolean yen = code.equals("JPY");
        int n = 1 + r.nextInt(5);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            TaxTreatment tax = outOfScope || split || p == 1 || r.nextBoolean() ? specialTax : standard;
            // whole quantities in BHD and JPY: their line amounts then need no rounding, which
            // PEPPOL-EN16931-R120 (0.02 tolerance) would see for whole yen
            BigDecimal qty = bhd || yen ? BigDecimal.valueOf(1 + r.nextInt(20))
                    : BigDecimal.valueOf(1 + r.nextInt(4000), 2);
            if (p > 1 && r.nextInt(8) == 0) {
                qty = qty.negate(); // a correction line
            }
            BigDecimal price = price(r, currency, bhd);
            List<UnitCode> units = List.of(UnitCode.HOUR, UnitCode.DAY, UnitCode.MONTH, UnitCode.PIECE, UnitCode.MINUTE,
                    UnitCode.KILOGRAM, UnitCode.LUMP_SUM, UnitCode.of("E48"));
            UnitCode unit = units.get(r.nextInt(units.size()));
            InvoiceLine line = InvoiceLine.of("Work item " + p + " – Beratung & Umsetzung", qty, unit,
                    UnitPrice.of(currency, price), tax);
            if (!bhd && !yen && r.nextInt(3) == 0) {
                line = new InvoiceLine(p, line.description(), qty, unit, line.price(), new BigDecimal("10"), List.of(),
                        tax, null, List.of(), null, null, null, null);
            }
            if (!bhd && !yen && r.nextInt(3) == 0 && qty.signum() > 0) {
                Money gross = line.grossLineAmount();
                BigDecimal percent = BigDecimal.valueOf(1 + r.nextInt(20));
                line = line.withAllowancesCharges(List.of(AllowanceCharge.allowancePercent(percent, gross,
                        r.nextBoolean() ? "Loyalty discount" : "")));
            } else if (r.nextInt(5) == 0) {
                line = line.withAllowancesCharges(List.of(AllowanceCharge.charge(smallAmount(r, currency, bhd), "Express surcharge")));
            }
            if (r.nextInt(3) == 0) {
                line = line.withPeriod(LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 11)));
            }
            lines.add(line);
        }
        Invoice invoice = Invoice.draft(InvoiceId.of("inv-" + i), client.id(), currency, InvoiceSource.MANUAL)
                .withLines(lines);
        List<AllowanceCharge> doc = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            doc.add(AllowanceCharge.allowance(smallAmount(r, currency, bhd), "Volume rebate", specialTax));
        }
        if (r.nextInt(3) == 0) {
            doc.add(AllowanceCharge.charge(smallAmount(r, currency, bhd), "", outOfScope || split ? specialTax
                    : standard));
        }
        if (!doc.isEmpty()) {
            invoice = invoice.withAdjustments(doc);
        }
        if (!yen && r.nextInt(5) == 0) {
            // a rounding amount (BT-114) of whole cents below one unit, not from a cash increment
            invoice = invoice.withPayableRounding(PayableRounding.amount(Money.of(currency,
                    BigDecimal.valueOf(r.nextInt(199) - 99, 2))));
        }
        if (special.equals("K") || r.nextInt(3) == 0) {
            invoice = invoice.withServicePeriod(LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 11)));
        }
        if (r.nextBoolean()) {
            invoice = invoice.withPurchaseOrderRef("PO-" + (1000 + r.nextInt(9000)));
        }
        if (r.nextInt(3) == 0) {
            invoice = invoice.withNotes("Thank you for your business & \"trust\" <3");
        }
        LocalDate issued = LocalDate.of(2026, 12, 1).plusDays(r.nextInt(20));
        EInvoice e;
        if (credit) {
            Invoice original = Issued.as(invoice, "INV-2026-" + i, issued.minusDays(10), issued.plusDays(20));
            Invoice cn = Issued.as(Invoice.draft(InvoiceId.of("cn-" + i), client.id(), currency, InvoiceSource.CREDIT)
                    .withLines(invoice.lines()).withAdjustments(invoice.adjustments())
                    .withServicePeriod(invoice.servicePeriod()).asCreditNoteOf(original.id())
                    , "CN-2026-" + i, issued, issued.plusDays(30));
            e = EInvoiceMapper.creditNote(tenant, client, cn, original);
        } else {
            e = EInvoiceMapper.map(tenant, client, Issued.as(invoice, "INV-2026-" + i, issued, issued.plusDays(30)));
        }
        e = e.withBuyerReference("04011000-" + (10000 + i) + "-03")
                .withSeller(e.seller()
                        .withContact(new Contact("Accounts team", "+49 30 1234567", "billing@seller" + i + ".example"))
                        .withLegalRegistration(new Identifier("HRB 12345", null))
                        .withElectronicAddress(new ElectronicAddress("DE123456789", "9930")))
                .withBuyer(e.buyer().withElectronicAddress(new ElectronicAddress("FR61954506077", "9957")));
        if (special.equals("K")) {
            e = e.withDelivery(new Delivery(null, null, null, PostalAddress.of("1 quai Branly", "75007", "Paris",
                    "FR")));
        }
        if (outOfScope) {
            e = e.withSeller(e.seller().withVatId(null));
        }
        return new Case("#" + i + " " + special + " " + code + (credit ? " credit note" : "") + " " + n + " lines",
                special, code, credit, e);
    }

    private static BigDecimal price(Random r, CurrencyUnit currency, boolean bhd) {
        if (bhd) {
            return BigDecimal.valueOf(1 + r.nextInt(900), 1); // multiples of 0.1 keep 10 % VAT at 2 decimals
        }
        if (currency.getDefaultFractionDigits() == 0) {
            return BigDecimal.valueOf(100 + r.nextInt(50_000));
        }
        // now and then a net price with up to 18 decimals (BT-146 has no limit)
        return BigDecimal.valueOf(100 + r.nextInt(2_000_000), r.nextInt(6) == 0 ? 2 + r.nextInt(17) : 2 + r.nextInt(3));
    }

    /** An allowance or charge amount; one in six negative, as EN 16931 allows. */
    private static Money smallAmount(Random r, CurrencyUnit currency, boolean bhd) {
        Money amount = positiveAmount(r, currency, bhd);
        return r.nextInt(6) == 0 ? amount.negate() : amount;
    }

    private static Money positiveAmount(Random r, CurrencyUnit currency, boolean bhd) {
        if (bhd) {
            return Money.of(currency, BigDecimal.valueOf(1 + r.nextInt(50), 1));
        }
        if (currency.getDefaultFractionDigits() == 0) {
            return Money.of(currency, BigDecimal.valueOf(10 + r.nextInt(500)));
        }
        return Money.of(currency, BigDecimal.valueOf(100 + r.nextInt(5000), 2));
    }

    static TaxCategory category(String code) {
        return TaxCategory.valueOf(code);
    }
}
