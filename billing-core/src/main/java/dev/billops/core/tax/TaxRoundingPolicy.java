package dev.billops.core.tax;

/**
 * Where tax is rounded. PER_GROUP (EN 16931's rule, BR-CO-17): once per category and rate, on
 * the group's taxable amount. PER_LINE: on every line and document-level allowance/charge, then
 * summed; for jurisdictions that require it. The two can differ by a few minor units.
 */
public enum TaxRoundingPolicy {
    PER_GROUP,
    PER_LINE
}
