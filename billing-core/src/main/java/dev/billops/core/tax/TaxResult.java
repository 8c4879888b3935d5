package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TaxCalculator} computes for a document.
 *
 * @param totals document totals
 * @param breakdown one subtotal per (category, rate), ordered by category then rate
 * @param lineNets each line's net amount (BT-131), in input order; under {@link PriceBasis#GROSS}
 *     these are derived from the gross amounts so that the gross is kept
 * @param adjustmentNets each document-level allowance (negative) or charge (positive) as a net
 *     amount, in input order; equal to the input under {@link PriceBasis#NET}
 */
public record TaxResult(Totals totals, List<TaxSubtotal> breakdown, List<Money> lineNets, List<Money> adjustmentNets) {

    public TaxResult {
        Objects.requireNonNull(totals, "totals");
        breakdown = List.copyOf(Objects.requireNonNull(breakdown, "breakdown"));
        lineNets = List.copyOf(Objects.requireNonNull(lineNets, "lineNets"));
        adjustmentNets = List.copyOf(Objects.requireNonNull(adjustmentNets, "adjustmentNets"));
    }
}
