package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Amount, unit price and tax-rate parsing from text, the values a host reads from forms, CSV and
 * JSON. An input is a currency code, a line break and the amount text (e.g. {@code EUR\n12.50}).
 */
class ValueParsingFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void moneyOf_anyText_acceptedOrTypedRefusal(byte[] input) {
        String[] parts = codeAndAmount(input);
        try {
            Money money = Money.of(parts[0], parts[1]);
            // accepted amounts survive the arithmetic and formatting a host does next
            money.plus(money).minus(money).toString();
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void unitPriceOf_anyText_acceptedOrTypedRefusal(byte[] input) {
        String[] parts = codeAndAmount(input);
        try {
            UnitPrice.of(Currencies.of(parts[0]), parts[1]).toString();
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void taxTreatmentStandard_anyRate_acceptedOrTypedRefusal(byte[] input) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(new String(input, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return; // not a number: the JDK refuses it before our code is reached
        }
        try {
            TaxTreatment.standard(rate).toString();
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
        }
    }

    private static String[] codeAndAmount(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return newline < 0 ? new String[] {"EUR", text} : new String[] {text.substring(0, newline), text.substring(newline + 1)};
    }
}
