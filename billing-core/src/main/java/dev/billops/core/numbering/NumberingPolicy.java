package dev.billops.core.numbering;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a tenant numbers its documents, per series. A series without its own configuration uses
 * {@link SeriesNumbering#defaultFor} with the series name as prefix, so by default invoices are
 * numbered {@code INV-2026-00001, INV-2026-00002, …} and credit notes {@code CN-2026-00001, …},
 * each series with its own gapless counter per tenant that starts again every year.
 *
 * <p>Two series may not be configured so that they print the same number (for instance the same
 * pattern and prefix); that is rejected here rather than found at the first duplicate.
 *
 * @param series the configured series, by series name
 */
public record NumberingPolicy(Map<String, SeriesNumbering> series) {

    /** The series of invoices ({@code Invoice.INVOICE_SERIES}). */
    public static final String INVOICE_SERIES = "INV";

    /** The series of credit notes ({@code Invoice.CREDIT_NOTE_SERIES}). */
    public static final String CREDIT_NOTE_SERIES = "CN";

    private static final ClientId SAMPLE_CLIENT = ClientId.of("client");
    private static final LocalDate SAMPLE_DATE = LocalDate.of(2001, 2, 3);

    public NumberingPolicy {
        series = Map.copyOf(Objects.requireNonNull(series, "series"));
        List<String> names = new ArrayList<>(series.keySet());
        names.sort(null);
        Map<String, String> samples = new HashMap<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new InvalidNumberPatternException(series.get(name).pattern().text(), "series name is blank");
            }
            String sample = series.get(name).format(name, SAMPLE_CLIENT, SAMPLE_DATE, 1);
            String other = samples.putIfAbsent(sample, name);
            if (other != null) {
                throw new InvalidNumberPatternException(series.get(name).pattern().text(), "series " + other + " and "
                        + name + " would both print " + sample + "; give them different prefixes or patterns");
            }
        }
    }

    /** Invoices {@code INV-{yyyy}-{seq:5}} and credit notes {@code CN-{yyyy}-{seq:5}}, yearly reset. */
    public static NumberingPolicy defaults() {
        return new NumberingPolicy(Map.of(
                INVOICE_SERIES, SeriesNumbering.defaultFor(INVOICE_SERIES),
                CREDIT_NOTE_SERIES, SeriesNumbering.defaultFor(CREDIT_NOTE_SERIES)));
    }

    /** The numbering of {@code seriesName}: its configuration, or the default with the name as prefix. */
    public SeriesNumbering forSeries(String seriesName) {
        Objects.requireNonNull(seriesName, "seriesName");
        SeriesNumbering s = series.get(seriesName);
        return s != null ? s : SeriesNumbering.defaultFor(seriesName);
    }

    /** This policy with {@code seriesName} numbered by {@code numbering}. */
    public NumberingPolicy withSeries(String seriesName, SeriesNumbering numbering) {
        Map<String, SeriesNumbering> next = new HashMap<>(series);
        next.put(Objects.requireNonNull(seriesName, "seriesName"), Objects.requireNonNull(numbering, "numbering"));
        return new NumberingPolicy(next);
    }
}
