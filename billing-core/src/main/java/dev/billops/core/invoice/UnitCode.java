package dev.billops.core.invoice;

/** Units of measure of invoice lines, with their UN/ECE Recommendation 20 codes. */
public enum UnitCode {
    HOUR("HUR"),
    DAY("DAY"),
    MONTH("MON"),
    PIECE("C62");

    private final String rec20;

    UnitCode(String rec20) {
        this.rec20 = rec20;
    }

    /** The Rec 20 code, e.g. {@code "HUR"}. */
    public String rec20() {
        return rec20;
    }
}
