package dev.billops.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses {@code YYYY-MM-DD} and says so when a date has another format. */
final class LocalDateConverter implements CommandLine.ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            if (value.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the calendar");
            }
            throw new CommandLine.TypeConversionException("unknown date format '" + value
                    + "': use YYYY-MM-DD, e.g. 2026-12-01");
        }
    }
}
