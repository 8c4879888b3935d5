package dev.billops.core.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The EN 16931 VAT category rules that need more than the amounts ({@link TaxCalculator} makes
 * those right, {@link TaxTreatment} the rates: rule 05 of each category). With {@code X} for each
 * category's prefix (BR-S, BR-Z, BR-E, BR-AE, BR-IC for K, BR-G, BR-O, BR-IG for L, BR-IP for M):
 * <ul>
 *   <li>BR-CO-18: at least one breakdown group; X-01: a category in use has its group (exactly
 *       one for the single-rate categories);</li>
 *   <li>X-02 to X-04: S, Z, E, G, L and M need the seller VAT id, AE and K the seller's and the
 *       buyer's, O neither (the ids are left off an out-of-scope document);</li>
 *   <li>X-09: zero tax for the zero-rated groups; for S, L and M the CEN schematron's tolerance
 *       (less than 1 from taxable × rate / 100), or under {@link TaxRoundingPolicy#PER_LINE} the
 *       bound of half a minor unit per amount ({@code billing-core/doc/tax-rounding.md});</li>
 *   <li>X-10: E, AE, K, G and O groups state an exemption reason, the others do not;</li>
 *   <li>BR-O-11 to BR-O-14: O is the document's only category; BR-IC-11 / BR-IC-12: an
 *       intra-community supply states a delivery date or period and a deliver-to country;</li>
 *   <li>split payment (B), which has no: BR-B-01, a document with B is domestic
 *       Italian (seller, buyer and any deliver-to country are {@code IT}); BR-B-02, B is not mixed
 *       with S on lines, allowances or charges; its groups' tax within the CEN tolerance of
 *       BR-CO-17, as for S.</li>
 * </ul>
 * The seller's tax registration id (BT-32) and tax representative are not modelled: where the
 * standard accepts them instead of the VAT id, the VAT id is required. Stateless and thread-safe.
 */
public final class TaxRules {

    private TaxRules() {
    }

    /**
     * Throws on the first broken rule.
     *
     * @throws TaxCategoryRuleViolationException naming the rule
     */
    public static void validate(TaxedDocument document) {
        List<TaxRuleViolation> found = violations(document);
        if (!found.isEmpty()) {
            throw found.get(0).toException();
        }
    }

    /** Every broken rule, in the order listed in the class comment; empty if the document passes. */
    public static List<TaxRuleViolation> violations(TaxedDocument document) {
        Objects.requireNonNull(document, "document");
        List<TaxRuleViolation> out = new ArrayList<>();
        if (document.breakdown().isEmpty()) {
            out.add(new TaxRuleViolation("BR-CO-18", null, "the document has no VAT breakdown group"));
        }
        checkOutOfScopeAlone(document, out);
        checkParties(document, document.lineTaxes(), 2, "a line", out);
        checkParties(document, document.allowanceTaxes(), 3, "a document-level allowance", out);
        checkParties(document, document.chargeTaxes(), 4, "a document-level charge", out);
        checkGroupCounts(document, out);
        for (TaxSubtotal group : document.breakdown()) {
            checkGroupTax(document, group, out);
            checkExemptionReason(group, out);
        }
        checkSplitPayment(document, out);
        if (usedCategories(document).contains(TaxCategory.K)) {
            if (!document.hasDeliveryDateOrPeriod()) {
                out.add(new TaxRuleViolation("BR-IC-11", TaxCategory.K,
                        "an intra-community supply needs the actual delivery date or the invoicing period"));
            }
            if (document.deliverToCountry() == null) {
                out.add(new TaxRuleViolation("BR-IC-12", TaxCategory.K,
                        "an intra-community supply needs the deliver-to country code"));
            }
        }
        return List.copyOf(out);
    }

    private static void checkParties(TaxedDocument doc, List<TaxTreatment> taxes, int rule, String where,
            List<TaxRuleViolation> out) {
        Set<TaxCategory> seen = EnumSet.noneOf(TaxCategory.class);
        for (TaxTreatment t : taxes) {
            seen.add(t.category());
        }
        String seller = doc.sellerVatId();
        String buyer = doc.buyerVatId();
        for (TaxCategory c : seen) {
            if (!c.hasStandardRuleSet()) {
                continue;
            }
            switch (c) {
                case AE, K -> {
                    if (seller == null || buyer == null) {
                        out.add(new TaxRuleViolation(c.rule(rule), c, where + " of category " + c
                                + " needs both the seller VAT id (" + show(seller) + ") and the buyer VAT id ("
                                + show(buyer) + ")"));
                    }
                }
                case O -> {
                    if (seller != null || buyer != null) {
                        out.add(new TaxRuleViolation(c.rule(rule), c, where + " of category O (not subject to VAT) "
                                + "must not come with a seller VAT id (" + show(seller) + ") or buyer VAT id ("
                                + show(buyer) + ")"));
                    }
                }
                default -> {
                    if (seller == null) {
                        out.add(new TaxRuleViolation(c.rule(rule), c, where + " of category " + c
                                + " needs the seller VAT id, which is missing"));
                    }
                }
            }
        }
    }

    private static void checkOutOfScopeAlone(TaxedDocument doc, List<TaxRuleViolation> out) {
        boolean inBreakdown = false;
        for (TaxSubtotal g : doc.breakdown()) {
            inBreakdown |= g.category() == TaxCategory.O;
        }
        if (!inBreakdown && !usedCategories(doc).contains(TaxCategory.O)) {
            return;
        }
        for (TaxSubtotal g : doc.breakdown()) {
            if (g.category() != TaxCategory.O) {
                out.add(new TaxRuleViolation("BR-O-11", TaxCategory.O, "a document with category O (not subject "
                        + "to VAT) has another VAT breakdown group: " + g.category()));
                break;
            }
        }
        addIfOther(doc.lineTaxes(), "BR-O-12", "line", out);
        addIfOther(doc.allowanceTaxes(), "BR-O-13", "document-level allowance", out);
        addIfOther(doc.chargeTaxes(), "BR-O-14", "document-level charge", out);
    }

    private static void addIfOther(List<TaxTreatment> taxes, String rule, String what, List<TaxRuleViolation> out) {
        for (TaxTreatment t : taxes) {
            if (t.category() != TaxCategory.O) {
                out.add(new TaxRuleViolation(rule, TaxCategory.O, "a document with category O (not subject to VAT) "
                        + "has a " + what + " of category " + t.category()));
                return;
            }
        }
    }

    private static void checkGroupCounts(TaxedDocument doc, List<TaxRuleViolation> out) {
        Map<TaxCategory, Integer> groups = new EnumMap<>(TaxCategory.class);
        for (TaxSubtotal g : doc.breakdown()) {
            groups.merge(g.category(), 1, Integer::sum);
        }
        for (TaxCategory c : usedCategories(doc)) {
            if (!c.hasStandardRuleSet()) {
                continue; // the calculator makes one group per rate; no BR-B rule counts them
            }
            int count = groups.getOrDefault(c, 0);
            boolean multiRate = !c.isZeroRated();
            if (count == 0 || (!multiRate && count > 1)) {
                out.add(new TaxRuleViolation(c.rule(1), c, "category " + c + " is used, so the VAT breakdown needs "
                        + (multiRate ? "at least" : "exactly") + " one group of it, found " + count));
            }
        }
    }

    private static void checkGroupTax(TaxedDocument doc, TaxSubtotal g, List<TaxRuleViolation> out) {
        TaxCategory c = g.category();
        if (c.isZeroRated()) {
            if (!g.taxAmount().isZero()) {
                out.add(new TaxRuleViolation(c.rule(9), c, "the tax of the " + c + " group must be 0, is "
                        + g.taxAmount()));
            }
            return;
        }
        BigDecimal rate = g.ratePercent() == null ? BigDecimal.ZERO : g.ratePercent();
        // as the CEN schematron computes it: rounded to two decimals whatever the currency
        BigDecimal expected = g.taxableAmount().amount().multiply(rate).movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
        if (expected.subtract(g.taxAmount().amount()).abs().compareTo(BigDecimal.ONE) >= 0
                && !(doc.rounding() == TaxRoundingPolicy.PER_LINE && withinPerLineBound(doc, g, rate))) {
            out.add(new TaxRuleViolation(c.hasStandardRuleSet() ? c.rule(9) : "BR-CO-17", c, "the tax of the " + c + " " + rate.toPlainString()
                    + " % group is " + g.taxAmount() + " but its taxable amount " + g.taxableAmount() + " gives "
                    + expected.toPlainString()));
        }
    }

    /**
     * Whether the group's tax is within half a minor unit per amount of the group (times
     * (100 + rate) / 100, the bound for tax-inclusive amounts) of taxable × rate / 100: the most a
     * sum of separately rounded taxes can differ from it.
     */
    private static boolean withinPerLineBound(TaxedDocument doc, TaxSubtotal g, BigDecimal rate) {
        long amounts = 0;
        VatGroup group = VatGroup.of(g);
        for (List<TaxTreatment> taxes : List.of(doc.lineTaxes(), doc.allowanceTaxes(), doc.chargeTaxes())) {
            for (TaxTreatment t : taxes) {
                if (group.contains(t)) {
                    amounts++;
                }
            }
        }
        int scale = g.taxAmount().currency().getDefaultFractionDigits();
        BigDecimal bound = BigDecimal.valueOf(amounts).multiply(BigDecimal.ONE.movePointLeft(scale))
                .multiply(HUNDRED.add(rate)).divide(TWO_HUNDRED);
        BigDecimal exact = g.taxableAmount().amount().multiply(rate).movePointLeft(2);
        return exact.subtract(g.taxAmount().amount()).abs().compareTo(bound) <= 0;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);

    private static void checkExemptionReason(TaxSubtotal g, List<TaxRuleViolation> out) {
        TaxCategory c = g.category();
        boolean has = g.exemptionReason() != null && !g.exemptionReason().isBlank();
        if (!c.hasStandardRuleSet()) {
            return;
        }
        if (c.requiresExemptionReason() && !has) {
            out.add(new TaxRuleViolation(c.rule(10), c, "the " + c + " group needs an exemption reason"));
        } else if (!c.requiresExemptionReason() && has) {
            out.add(new TaxRuleViolation(c.rule(10), c, "the " + c + " group must not have an exemption reason, has '"
                    + g.exemptionReason() + "'"));
        }
    }

    private static void checkSplitPayment(TaxedDocument doc, List<TaxRuleViolation> out) {
        Set<TaxCategory> used = usedCategories(doc);
        if (!used.contains(TaxCategory.B)) {
            return;
        }
        String seller = doc.sellerCountry();
        String buyer = doc.buyerCountry();
        String deliverTo = doc.deliverToCountry();
        if (!ITALY.equals(seller) || !ITALY.equals(buyer) || (deliverTo != null && !ITALY.equals(deliverTo))) {
            out.add(new TaxRuleViolation("BR-B-01", TaxCategory.B, "split payment (category B) is only for a "
                    + "domestic Italian invoice; seller country is " + show(seller) + ", buyer country " + show(buyer)
                    + (deliverTo == null ? "" : ", deliver-to country " + deliverTo)));
        }
        if (used.contains(TaxCategory.S)) {
            out.add(new TaxRuleViolation("BR-B-02", TaxCategory.B, "a document with split payment (category B) "
                    + "must not have standard-rated (category S) lines, allowances or charges"));
        }
    }

    private static final String ITALY = "IT";

    private static Set<TaxCategory> usedCategories(TaxedDocument doc) {
        Set<TaxCategory> used = EnumSet.noneOf(TaxCategory.class);
        for (TaxTreatment t : doc.lineTaxes()) {
            used.add(t.category());
        }
        for (TaxTreatment t : doc.allowanceTaxes()) {
            used.add(t.category());
        }
        for (TaxTreatment t : doc.chargeTaxes()) {
            used.add(t.category());
        }
        return used;
    }

    private static String show(@Nullable String id) {
        return id == null ? "missing" : id;
    }
}
