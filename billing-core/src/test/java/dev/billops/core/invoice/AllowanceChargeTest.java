package dev.billops.core.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class AllowanceChargeTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final TaxTreatment VAT19 = TaxTreatment.standard(new BigDecimal("19"));

    private static Money eur(String amount) {
        return Money.of(EUR, amount);
    }

    @Test
    void allowanceAndCharge_fixedAmount_signAndTaxAsNamed() {
        AllowanceCharge discount = AllowanceCharge.allowance(eur("5.00"), "damaged box");
        AllowanceCharge shipping = AllowanceCharge.charge(eur("15.00"), "shipping", VAT19);

        assertFalse(discount.charge());
        assertNull(discount.tax());
        assertNull(discount.percent());
        assertEquals(eur("-5.00"), discount.signedAmount());
        assertTrue(shipping.charge());
        assertEquals(VAT19, shipping.tax());
        assertEquals(eur("15.00"), shipping.signedAmount());
    }

    @Test
    void allowancePercent_computesBaseTimesPercentRoundedHalfUp() {
        // 12.5 % of 0.20 is 0.025: half-up gives 0.03 (half-even would give 0.02)
        AllowanceCharge ac = AllowanceCharge.allowancePercent(new BigDecimal("12.5"), eur("0.20"), "early payment");

        assertEquals(RoundingMode.HALF_UP, AllowanceCharge.PERCENT_ROUNDING);
        assertEquals(eur("0.03"), ac.amount());
        assertEquals(new BigDecimal("12.5"), ac.percent());
        assertEquals(eur("0.20"), ac.baseAmount());
        assertEquals(eur("0.03"), AllowanceCharge.chargePercent(new BigDecimal("12.5"), eur("0.20"), "x", VAT19)
                .amount());
    }

    @Test
    void allowancePercent_negativePercent_throwsNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AllowanceCharge.allowancePercent(new BigDecimal("-3"), eur("100.00"), "x"));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void allowancePercent_percentBeyondBounds_throwsAmountOutOfRange() {
        assertThrows(AmountOutOfRangeException.class,
                () -> AllowanceCharge.allowancePercent(new BigDecimal("1e-30"), eur("100.00"), "x"));
    }

    @Test
    void allowance_negativeAmount_staysAnAllowanceThatRaisesTheNet() {
        AllowanceCharge ac = AllowanceCharge.allowance(eur("-1.00"), "allowance reversed");
        assertFalse(ac.charge());
        assertEquals(eur("1.00"), ac.signedAmount());
        assertEquals(eur("-2.50"), AllowanceCharge.chargePercent(new BigDecimal("5"), eur("-50.00"), "x").amount());
    }

    @Test
    void constructor_amountNotPercentOfBase_throwsNamingAll() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new AllowanceCharge(false, eur("7.00"), new BigDecimal("5"), eur("100.00"), "x", null));
        assertTrue(e.getMessage().contains("7.00") && e.getMessage().contains("5 %")
                && e.getMessage().contains("100.00"), e.getMessage());
    }

    @Test
    void constructor_baseInOtherCurrency_throwsCurrencyMismatch() {
        assertThrows(CurrencyMismatchException.class, () -> new AllowanceCharge(false, eur("5.00"),
                new BigDecimal("5"), Money.of(Currencies.of("USD"), "100.00"), "x", null));
    }

    @Test
    void withBase_percentage_recomputesAmount_withAmount_dropsPercentage() {
        AllowanceCharge ac = AllowanceCharge.allowancePercent(new BigDecimal("10"), eur("100.00"), "x", VAT19);

        assertEquals(AllowanceCharge.allowancePercent(new BigDecimal("10"), eur("30.00"), "x", VAT19),
                ac.withBase(eur("30.00")));
        assertEquals(AllowanceCharge.allowance(eur("4.00"), "x", VAT19), ac.withAmount(eur("4.00")));
        assertThrows(IllegalStateException.class, () -> ac.withAmount(eur("4.00")).withBase(eur("1.00")));
    }
}
