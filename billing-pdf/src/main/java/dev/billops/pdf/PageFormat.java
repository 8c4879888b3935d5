package dev.billops.pdf;

/** Paper size of the rendered document. */
public enum PageFormat {
    /** ISO A4, 210 × 297 mm. */
    A4(595.28f, 841.89f),
    /** US Letter, 8.5 × 11 in. */
    LETTER(612f, 792f);

    private final float widthPt;
    private final float heightPt;

    PageFormat(float widthPt, float heightPt) {
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    /** Width in PostScript points (1/72 in). */
    public float widthPt() {
        return widthPt;
    }

    /** Height in PostScript points (1/72 in). */
    public float heightPt() {
        return heightPt;
    }
}
