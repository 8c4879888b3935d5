package dev.billops.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the sample documents to a folder (argument 1, default {@code target/samples}), for
 * looking at them: {@code pdftoppm -png -r 60 sample.pdf sample}.
 */
public final class RenderSamples {

    private RenderSamples() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/samples");
        Files.createDirectories(dir);
        Map<String, InvoiceDocument> samples = new LinkedHashMap<>();
        samples.put("de-DE", Samples.german());
        samples.put("fr-FR", Samples.french());
        samples.put("en-GB", Samples.british());
        samples.put("en-US", Samples.american());
        samples.put("ja-JP", Samples.japanese());
        samples.put("mixed-scripts", Samples.mixedScripts());
        samples.put("reverse-charge", Samples.reverseCharge());
        samples.put("credit-note", Samples.creditNote());
        samples.put("paid", Samples.paid());
        samples.put("void", Samples.voided());
        samples.put("long-1000", Samples.longInvoice(1000));
        samples.put("every-term", Samples.everyTerm());
        samples.put("final-invoice", Samples.finalInvoice());
        InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
        for (Map.Entry<String, InvoiceDocument> e : samples.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".pdf"), renderer.render(e.getValue()));
        }
        InvoicePdfRenderer branded = InvoicePdfRenderer.create(PdfOptions.defaults()
                .withPageFormat(PageFormat.LETTER)
                .withTheme(Theme.standard().withAccent("#7A1F5C").withLogo(TestLogo.png())));
        Files.write(dir.resolve("branded-letter.pdf"), branded.render(Samples.american()));
        Files.write(dir.resolve("every-term-en.pdf"), InvoicePdfRenderer.create(PdfOptions.defaults()
                .withLocale(java.util.Locale.UK)).render(Samples.everyTerm()));
    }
}
