package dev.billops.pdf;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How documents are rendered.
 *
 * @param pageFormat A4 or Letter
 * @param theme accent colour, logo and font
 * @param locale language and formats of the document, or null to use the buyer's
 *     ({@link dev.billops.core.party.Client#locale()})
 * @param epcQrCode whether to print an EPC (SEPA credit transfer, "GiroCode") QR code with the
 *     payment instructions; it appears only when it can be used: a euro invoice with an amount
 *     due and a seller IBAN
 */
public record PdfOptions(PageFormat pageFormat, Theme theme, @Nullable Locale locale, boolean epcQrCode) {

    public PdfOptions {
        Objects.requireNonNull(pageFormat, "pageFormat");
        Objects.requireNonNull(theme, "theme");
    }

    /** A4, the standard theme, the buyer's locale, with the EPC QR code. */
    public static PdfOptions defaults() {
        return new PdfOptions(PageFormat.A4, Theme.standard(), null, true);
    }

    public PdfOptions withPageFormat(PageFormat pageFormat) {
        return new PdfOptions(pageFormat, theme, locale, epcQrCode);
    }

    public PdfOptions withTheme(Theme theme) {
        return new PdfOptions(pageFormat, theme, locale, epcQrCode);
    }

    /** Renders in this locale whatever the buyer's; null restores the buyer's locale. */
    public PdfOptions withLocale(@Nullable Locale locale) {
        return new PdfOptions(pageFormat, theme, locale, epcQrCode);
    }

    public PdfOptions withEpcQrCode(boolean epcQrCode) {
        return new PdfOptions(pageFormat, theme, locale, epcQrCode);
    }
}
