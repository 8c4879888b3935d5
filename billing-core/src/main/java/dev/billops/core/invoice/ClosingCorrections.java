package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxResult;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.Totals;
import dev.billops.core.tax.VatGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;

/** The corrections a closing credit note carries in its metadata, applied to its computed totals. */
final class ClosingCorrections {

    private ClosingCorrections() {
    }

    /**
     * The breakdown and totals of a credit note as its metadata corrects them: the tax
     * corrections per group ({@link Invoice#CLOSING_TAX_KEY}) and the rounding amount ({@link Invoice#CLOSING_ROUNDING_KEY})
     * of the closing credit note of an invoice; unchanged for any other document.
     */
    static TaxResult apply(DocumentType type, Map<String, String> metadata, TaxResult computed) {
        String taxes = type == DocumentType.CREDIT_NOTE ? metadata.get(Invoice.CLOSING_TAX_KEY) : null;
        String rounding = type == DocumentType.CREDIT_NOTE ? metadata.get(Invoice.CLOSING_ROUNDING_KEY) : null;
        if (taxes == null && rounding == null) {
            return computed;
        }
        Totals t = computed.totals();
        CurrencyUnit currency = t.payable().currency();
        Money correction = Money.zero(currency);
        List<TaxSubtotal> breakdown = new ArrayList<>(computed.breakdown());
        if (taxes != null) {
            for (String entry : taxes.split(";")) {
                int eq = entry.lastIndexOf('=');
                String key = eq < 0 ? entry : entry.substring(0, eq);
                Money delta = Money.of(currency, eq < 0 ? "" : entry.substring(eq + 1));
                int i = 0;
                while (i < breakdown.size() && !VatGroup.of(breakdown.get(i)).toString().equals(key)) {
                    i++;
                }
                if (i == breakdown.size()) {
                    throw new InvalidInputException("credit note tax correction for VAT group " + key
                            + ", which the note does not have");
                }
                TaxSubtotal g = breakdown.get(i);
                breakdown.set(i, new TaxSubtotal(g.category(), g.ratePercent(), g.taxableAmount(),
                        g.taxAmount().plus(delta), g.exemptionReason(), g.exemptionReasonCode()));
                correction = correction.plus(delta);
            }
        }
        Money extra = rounding == null ? Money.zero(currency) : Money.of(currency, rounding);
        Totals corrected = new Totals(t.lineNetTotal(), t.allowanceTotal(), t.chargeTotal(), t.taxExclusive(),
                t.taxTotal().plus(correction), t.taxInclusive().plus(correction), t.roundingAmount().plus(extra),
                t.payable().plus(correction).plus(extra));
        return new TaxResult(corrected, breakdown, computed.lineNets(), computed.adjustmentNets());
    }

}
