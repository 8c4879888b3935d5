package dev.billops.core.tax;

/**
 * VAT category codes of EN 16931 (UNTDID 5305 subset, BR-CL-17).
 */
public enum TaxCategory {
    /** Standard rate, rate &gt; 0. */
    S("S"),
    /** Zero rated goods, rate 0. */
    Z("Z"),
    /** Exempt from tax, rate 0, exemption reason required. */
    E("E"),
    /** VAT reverse charge, rate 0, seller and buyer VAT ids required. */
    AE("AE"),
    /** Intra-community supply (VAT exempt for EEA), rate 0, both VAT ids required. */
    K("K"),
    /** Free export item, tax not charged, rate 0. */
    G("G"),
    /** Services outside scope of tax: no rate, the only category on the invoice. */
    O("O"),
    /** Canary Islands general indirect tax. */
    L("L"),
    /** Tax for production, services and importation in Ceuta and Melilla. */
    M("M");

    private final String code;

    TaxCategory(String code) {
        this.code = code;
    }

    /** The code as written in an e-invoice, e.g. {@code "AE"}. */
    public String code() {
        return code;
    }
}
