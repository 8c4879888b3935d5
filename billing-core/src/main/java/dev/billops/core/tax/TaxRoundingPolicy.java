package dev.billops.core.tax;


/**
 * Where tax is rounded. PER_GROUP (EN 16931's rule, BR-CO-17): once per category and rate, on
 * the group's taxable amount. PER_LINE: on every line and document-level allowance/charge, then
 * summed; for jurisdictions that require it. The two can differ by up to half a minor unit per
 * amount; {@link TaxRules} accepts the per-line sum under PER_LINE (see there for how EN 16931's
 * BR-S-09 tolerates it).
 */
public enum TaxRoundingPolicy {
    PER_GROUP,
    PER_LINE
}
