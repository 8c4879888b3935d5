package dev.billops.examples.cli;

import dev.billops.einvoice.facturx.FacturX;
import dev.billops.einvoice.validation.EInvoiceValidator;
import dev.billops.einvoice.validation.Finding;
import dev.billops.einvoice.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code einvoice-validate}: validates an e-invoice file (UBL or CII XML, or a Factur-X PDF whose
 * embedded XML is checked) offline against the official rule sets its specification identifier
 * names, printing one line per finding. Exit status 0 when there is no error, 1 otherwise.
 */
@Command(name = "einvoice-validate", mixinStandardHelpOptions = true,
        description = {"Validates an e-invoice (UBL or CII XML, or a Factur-X PDF) against the EN 16931, XRechnung "
                + "or Peppol BIS rule sets, offline. Exit status 0 if it has no error, 1 otherwise."})
final class EInvoiceValidateCommand implements Callable<Integer> {

    /** Largest file read: a Factur-X PDF with attachments stays well below. */
    static final long MAX_FILE = 64L * 1024 * 1024;

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the e-invoice to validate")
    @Nullable Path file;

    @Override
    public Integer call() {
        Path path = Objects.requireNonNull(file, "file");
        byte[] content;
        try {
            if (Files.size(path) > MAX_FILE) {
                throw new CliFailure(path + " is larger than " + MAX_FILE + " bytes");
            }
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliFailure("no such file: " + path, e);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + path + ": " + e.getMessage(), e);
        }
        boolean pdf = content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D'
                && content[3] == 'F';
        byte[] xml = pdf ? FacturX.extractXml(content) : content;
        ValidationReport report = EInvoiceValidator.create().validate(xml);
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        for (Finding f : report.findings()) {
            out.printf(Locale.ROOT, "%s %s at %s: %s%n", f.severity(), f.ruleId(), f.location(), f.message());
        }
        out.printf(Locale.ROOT, "%s: %s against %s (%d errors, %d findings)%n", path, report.isValid() ? "valid" : "INVALID",
                report.ruleSet(), report.errors().size(), report.findings().size());
        return report.isValid() ? BillOpsCli.EXIT_OK : BillOpsCli.EXIT_FAILED;
    }
}
