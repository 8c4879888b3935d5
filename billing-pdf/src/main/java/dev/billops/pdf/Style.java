package dev.billops.pdf;

import java.awt.Color;

/**
 * Text styles and colours of one document, derived from its {@link Theme}. Text styles are
 * cheap wrappers of the shared, parsed {@link PdfFont}; a Style is made per rendering.
 */
final class Style {

    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x6B, 0x73);
    static final Color RULE = new Color(0xD0, 0xD4, 0xDA);
    static final Color ZEBRA = new Color(0xF4, 0xF6, 0xF8);
    static final Color PAID = new Color(0x1E, 0x7B, 0x34);
    static final Color VOID = new Color(0xB0, 0x1E, 0x1E);
    static final Color DRAFT = new Color(0x80, 0x80, 0x80);

    final Color accent;
    /** A very light tint of the accent, for the amount-due row. */
    final Color accentTint;
    final PdfFont font;

    final TextStyle body;
    final TextStyle bodyBold;
    final TextStyle small;
    final TextStyle smallMuted;
    final TextStyle smallBold;
    final TextStyle label;
    final TextStyle tableHeader;
    final TextStyle cell;
    final TextStyle cellBold;
    final TextStyle cellMuted;
    final TextStyle title;
    final TextStyle sellerName;
    final TextStyle sectionTitle;
    final TextStyle amountDue;

    Style(Theme theme) {
        this.font = theme.font();
        this.accent = new Color(theme.accentRgb());
        this.accentTint = tint(accent, 0.90f);
        this.body = regular(9f, TEXT);
        this.bodyBold = bold(9f, TEXT);
        this.small = regular(7.5f, TEXT);
        this.smallMuted = regular(7.5f, MUTED);
        this.smallBold = bold(7.5f, TEXT);
        this.label = regular(8f, MUTED);
        this.tableHeader = bold(8f, Color.WHITE);
        this.cell = regular(8.5f, TEXT);
        this.cellBold = bold(8.5f, TEXT);
        this.cellMuted = regular(7.5f, MUTED);
        this.title = bold(22f, accent);
        this.sellerName = bold(14f, TEXT);
        this.sectionTitle = bold(9.5f, accent);
        this.amountDue = bold(10.5f, TEXT);
    }

    TextStyle regular(float size, Color color) {
        return new TextStyle(font, size, false, color);
    }

    TextStyle bold(float size, Color color) {
        return new TextStyle(font, size, true, color);
    }

    private static Color tint(Color c, float towardsWhite) {
        return new Color(mix(c.getRed(), towardsWhite), mix(c.getGreen(), towardsWhite), mix(c.getBlue(), towardsWhite));
    }

    private static int mix(int channel, float towardsWhite) {
        return Math.round(channel + (255 - channel) * towardsWhite);
    }
}
