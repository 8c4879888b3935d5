package dev.billops.einvoice.validation;

import java.util.Objects;

/**
 * One finding of a validation.
 *
 * @param ruleId the rule's id, e.g. {@code "BR-CO-16"}, {@code "BR-DE-15"}, {@code "PEPPOL-EN16931-R003"};
 *     {@code "XSD"} for schema violations
 * @param severity its severity
 * @param location where: the XPath the rule reports, or line and column for schema violations
 * @param message the rule's message
 */
public record Finding(String ruleId, Severity severity, String location, String message) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " at " + location + ": " + message;
    }
}
