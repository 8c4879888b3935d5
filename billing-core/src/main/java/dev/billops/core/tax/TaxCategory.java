package dev.billops.core.tax;

/**
 * VAT category codes of EN 16931 (UNTDID 5305 subset, BR-CL-17).
 */
public enum TaxCategory {
    /** Standard rate, rate &gt; 0. */
    S("S", "BR-S"),
    /** Zero rated goods, rate 0. */
    Z("Z", "BR-Z"),
    /** Exempt from tax, rate 0, exemption reason required. */
    E("E", "BR-E"),
    /** VAT reverse charge, rate 0, seller and buyer VAT ids required. */
    AE("AE", "BR-AE"),
    /** Intra-community supply (VAT exempt for EEA), rate 0, both VAT ids required. */
    K("K", "BR-IC"),
    /** Free export item, tax not charged, rate 0. */
    G("G", "BR-G"),
    /** Services outside scope of tax: no rate, the only category on the invoice. */
    O("O", "BR-O"),
    /** Canary Islands general indirect tax. */
    L("L", "BR-IG"),
    /** Tax for production, services and importation in Ceuta and Melilla. */
    M("M", "BR-IP"),
    /**
     * Split payment (Italian "scissione dei pagamenti"): VAT charged at a rate &gt; 0 that the
     * buyer pays to the tax authority. Only on a domestic Italian document (BR-B-01) and never
     * beside category S (BR-B-02); EN 16931 has no other rule of its own for it.
     */
    B("B", "BR-B");

    private final String code;
    private final String rulePrefix;

    TaxCategory(String code, String rulePrefix) {
        this.code = code;
        this.rulePrefix = rulePrefix;
    }

    /**
     * The prefix of this category's EN 16931 business rules, e.g. {@code "BR-AE"} for reverse
     * charge, {@code "BR-IC"} for intra-community supply, {@code "BR-IG"} for IGIC (L).
     */
    public String rulePrefix() {
        return rulePrefix;
    }

    /** The id of rule {@code number} of this category, e.g. {@code rule(2)} of AE is {@code "BR-AE-02"}. */
    public String rule(int number) {
        return rulePrefix + (number < 10 ? "-0" : "-") + number;
    }

    /** Whether the rate of this category is always 0 % (Z, E, AE, K, G) or absent (O). */
    public boolean isZeroRated() {
        return this != S && this != L && this != M && this != B;
    }

    /**
     * Whether EN 16931 gives this category the numbered rule set X-01 to X-10 (VAT ids, one
     * breakdown group, tax amount, exemption reason). Split payment (B) has only BR-B-01 and
     * BR-B-02, which mean something else; its breakdown groups are checked by BR-CO-17.
     */
    public boolean hasStandardRuleSet() {
        return this != B;
    }

    /** Whether a breakdown group of this category must state an exemption reason (rule 10 of its set). */
    public boolean requiresExemptionReason() {
        return this == E || this == AE || this == K || this == G || this == O;
    }

    /** The code as written in an e-invoice, e.g. {@code "AE"}. */
    public String code() {
        return code;
    }
}
