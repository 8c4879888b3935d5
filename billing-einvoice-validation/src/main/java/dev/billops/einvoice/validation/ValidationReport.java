package dev.billops.einvoice.validation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one document.
 *
 * @param ruleSet the rule set applied, e.g. {@code "de.xrechnung:ubl-invoice:3.0.2"}
 * @param findings every finding, in the order the rule set reported them
 */
public record ValidationReport(String ruleSet, List<Finding> findings) {

    public ValidationReport {
        Objects.requireNonNull(ruleSet, "ruleSet");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /** Whether no finding is an error (warnings allowed). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** The findings of severity ERROR or FATAL. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity().isError()).toList();
    }

    /** Whether a finding of rule {@code ruleId} was reported, at any severity. */
    public boolean fired(String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }
}
