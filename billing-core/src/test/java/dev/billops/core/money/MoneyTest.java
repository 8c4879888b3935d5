package dev.billops.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final CurrencyUnit JPY = Currencies.of("JPY");
    private static final CurrencyUnit BHD = Currencies.of("BHD");
    private static final CurrencyUnit USD = Currencies.of("USD");

    @Test
    void of_eur_keepsTwoDecimals() {
        Money m = Money.of(EUR, "12.5");
        assertEquals(new BigDecimal("12.50"), m.amount());
        assertEquals("EUR 12.50", m.toString());
    }

    @Test
    void of_jpyAndBhd_useTheirMinorUnits() {
        assertEquals(0, Money.of(JPY, "1200").amount().scale());
        assertEquals(new BigDecimal("1.250"), Money.of(BHD, "1.25").amount());
        assertEquals(1250, Money.of(BHD, "1.25").toMinor());
        assertEquals(Money.of(JPY, "1200"), Money.ofMinor(JPY, 1200));
    }

    @Test
    void of_moreDecimalsThanCurrency_throwsWithValue() {
        AmountOutOfRangeException e = assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "12.505"));
        assertTrue(e.getMessage().contains("12.505"), e.getMessage());
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(JPY, "1.5"));
    }

    @Test
    void of_fewerDecimalsThanCurrency_padsExactly() {
        Money m = Money.of(EUR, new BigDecimal("12.5"));
        assertEquals(new BigDecimal("12.50"), m.amount());
        assertEquals(new BigDecimal("12.50"), Money.of(EUR, new BigDecimal("12.500")).amount());
        assertEquals(new BigDecimal("0.00"), Money.of(EUR, BigDecimal.ZERO).amount());
    }

    @Test
    void of_excessScale_throwsExcessScaleNamingValueAndCurrency() {
        ExcessScaleException e = assertThrows(ExcessScaleException.class,
                () -> Money.of(EUR, new BigDecimal("12.345")));
        assertTrue(e.getMessage().contains("12.345") && e.getMessage().contains("EUR"), e.getMessage());
        assertEquals(new BigDecimal("12.345"), e.amount());
        assertEquals("EUR", e.currencyCode());
        assertEquals(2, e.allowedDecimals());
    }

    @Test
    void constructor_scaleNotTheCurrencys_throwsScaleMismatchInsteadOfRescaling() {
        ScaleMismatchException e = assertThrows(ScaleMismatchException.class,
                () -> new Money(new BigDecimal("12.5"), EUR));
        assertEquals(ScaleMismatchException.class, e.getClass());
        assertTrue(e.getMessage().contains("12.5") && e.getMessage().contains("EUR"), e.getMessage());
        assertThrows(ScaleMismatchException.class, () -> new Money(BigDecimal.ZERO, EUR));
        assertThrows(ScaleMismatchException.class, () -> new Money(new BigDecimal("1200.0"), JPY));
        assertThrows(ExcessScaleException.class, () -> new Money(new BigDecimal("12.345"), EUR));
    }

    @Test
    void constructor_currencyScale_keepsTheAmount() {
        BigDecimal amount = new BigDecimal("12.50");
        assertEquals(amount, new Money(amount, EUR).amount());
        assertEquals(Money.of(EUR, "12.5"), new Money(amount, EUR));
    }

    @Test
    void unitPriceConstructor_scaleOutsideCurrencyToMax_throwsScaleMismatch() {
        assertThrows(ScaleMismatchException.class, () -> new UnitPrice(new BigDecimal("87.5"), EUR));
        assertThrows(ExcessScaleException.class, () -> new UnitPrice(new BigDecimal("0.1234567890123456789"), EUR));
        assertThrows(ScaleMismatchException.class, () -> new UnitPrice(new BigDecimal("1.50000000000000000000"), EUR));
        assertEquals(new BigDecimal("0.123456789012345678"),
                new UnitPrice(new BigDecimal("0.123456789012345678"), EUR).amount());
        assertEquals(new BigDecimal("87.3333"), new UnitPrice(new BigDecimal("87.3333"), EUR).amount());
    }

    @Test
    void unitPriceOf_exactAndLossy_asNamed() {
        assertEquals(new BigDecimal("87.50"), UnitPrice.of(EUR, new BigDecimal("87.5")).amount());
        assertEquals(new BigDecimal("0.123456789"), UnitPrice.of(EUR, new BigDecimal("0.123456789")).amount());
        ExcessScaleException e = assertThrows(ExcessScaleException.class,
                () -> UnitPrice.of(EUR, new BigDecimal("0.1234567890123456789")));
        assertTrue(e.getMessage().contains("0.1234567890123456789"), e.getMessage());
        assertEquals(new BigDecimal("0.123456789012345679"),
                UnitPrice.of(EUR, new BigDecimal("0.1234567890123456789"), RoundingMode.HALF_UP).amount());
        assertEquals(new BigDecimal("0.000000000000000001"),
                UnitPrice.of(EUR, new BigDecimal("1e-999999999"), RoundingMode.UP).amount());
        assertEquals(0, UnitPrice.of(EUR, new BigDecimal("1e-999999999"), RoundingMode.HALF_UP).amount().signum());
    }

    @Test
    void of_withRounding_roundsAsNamed() {
        assertEquals(Money.of(EUR, "12.51"), Money.of(EUR, new BigDecimal("12.505"), RoundingMode.HALF_UP));
        assertEquals(Money.of(EUR, "12.50"), Money.of(EUR, new BigDecimal("12.505"), RoundingMode.HALF_EVEN));
        assertEquals(Money.of(JPY, "2"), Money.of(JPY, new BigDecimal("1.5"), RoundingMode.HALF_UP));
    }

    @Test
    void of_beyondRange_throws() {
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "1000000000000000"));
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "-1000000000000000.00"));
        Money.of(EUR, "999999999999999.99");
    }

    @Test
    void ofMinor_atTheBound_throwsAndJustBelowIsKept() {
        // the canonical constructor's check (15 integer digits) is the whole bound: 10^15 itself is out
        assertThrows(AmountOutOfRangeException.class, () -> Money.ofMinor(EUR, 100_000_000_000_000_000L));
        assertThrows(AmountOutOfRangeException.class, () -> Money.ofMinor(EUR, -100_000_000_000_000_000L));
        assertThrows(AmountOutOfRangeException.class, () -> Money.ofMinor(JPY, 1_000_000_000_000_000L));
        assertThrows(AmountOutOfRangeException.class, () -> new Money(new BigDecimal("1000000000000000.00"), EUR));
        assertEquals("999999999999999.99", Money.ofMinor(EUR, 99_999_999_999_999_999L).amount().toPlainString());
        assertEquals("-999999999999999", Money.ofMinor(JPY, -999_999_999_999_999L).amount().toPlainString());
    }

    @Test
    void of_notANumber_throwsWithValue() {
        AmountOutOfRangeException e = assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "12,50"));
        assertTrue(e.getMessage().contains("12,50"));
    }

    @Test
    void currencies_unknownCode_throwsUnknownCurrency() {
        UnknownCurrencyException e = assertThrows(UnknownCurrencyException.class, () -> Currencies.of("XYZ"));
        assertTrue(e.getMessage().contains("XYZ"));
        assertThrows(UnknownCurrencyException.class, () -> Currencies.of("eur"));
        assertThrows(NullPointerException.class, () -> Currencies.of(null));
    }

    @Test
    void currencies_sameCode_returnsCachedInstance() {
        assertTrue(Currencies.of("EUR") == Currencies.of("EUR"));
    }

    @Test
    void plus_differentCurrency_throwsCurrencyMismatch() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Money.of(EUR, "1.00").plus(Money.of(USD, "1.00")));
        assertEquals("EUR", e.expected());
        assertEquals("USD", e.actual());
        assertThrows(CurrencyMismatchException.class, () -> Money.of(EUR, "1.00").compareTo(Money.of(USD, "1.00")));
    }

    @Test
    void plusMinusNegate_exact() {
        Money a = Money.of(EUR, "10.05");
        Money b = Money.of(EUR, "0.96");
        assertEquals(Money.of(EUR, "11.01"), a.plus(b));
        assertEquals(Money.of(EUR, "9.09"), a.minus(b));
        assertEquals(Money.of(EUR, "-10.05"), a.negate());
        assertEquals(a, a.negate().abs());
    }

    @Test
    void times_decimalQuantity_roundsOnceWithNamedMode() {
        Money rate = Money.of(EUR, "95.00");
        assertEquals(Money.of(EUR, "71.25"), rate.times(new BigDecimal("0.75"), RoundingMode.HALF_UP));
        assertEquals(Money.of(EUR, "31.67"), rate.times(new BigDecimal("0.3333333"), RoundingMode.HALF_UP));
        assertEquals(Money.of(EUR, "31.66"), rate.times(new BigDecimal("0.3333333"), RoundingMode.DOWN));
    }

    @Test
    void percentage_nineteenPercent_halfUp() {
        assertEquals(Money.of(EUR, "19.00"), Money.of(EUR, "100.00").percentage(new BigDecimal("19"), RoundingMode.HALF_UP));
        assertEquals(Money.of(EUR, "0.02"), Money.of(EUR, "0.13").percentage(new BigDecimal("19"), RoundingMode.HALF_UP));
        assertEquals(Money.of(BHD, "0.013"), Money.of(BHD, "0.125").percentage(new BigDecimal("10"), RoundingMode.HALF_UP));
    }

    @Test
    void split_tenIntoThree_largerPartsFirst() {
        List<Money> parts = Money.of(EUR, "10.00").split(3);
        assertEquals(List.of(Money.of(EUR, "3.34"), Money.of(EUR, "3.33"), Money.of(EUR, "3.33")), parts);
    }

    @Test
    void allocate_byRatios_largestRemainderGetsTheCent() {
        // 0.05 by 3:7 → exact shares 0.015 / 0.035 → floors 1 / 3 cents, 1 left, remainders .5/.5 → first
        List<Money> parts = Money.of(EUR, "0.05").allocate(3, 7);
        assertEquals(List.of(Money.of(EUR, "0.02"), Money.of(EUR, "0.03")), parts);
        // 100 by 1:1:1 in JPY → 34, 33, 33
        assertEquals(List.of(Money.of(JPY, "34"), Money.of(JPY, "33"), Money.of(JPY, "33")),
                Money.of(JPY, "100").allocate(1, 1, 1));
    }

    @Test
    void split_negativeAmount_mirrorsPositive() {
        assertEquals(List.of(Money.of(EUR, "-3.34"), Money.of(EUR, "-3.33"), Money.of(EUR, "-3.33")),
                Money.of(EUR, "-10.00").split(3));
    }

    @Test
    void allocate_badRatios_throw() {
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "1.00").split(0));
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "1.00").allocate(0L, 0L));
        assertThrows(AmountOutOfRangeException.class, () -> Money.of(EUR, "1.00").allocate(1L, -1L));
    }

    @Test
    void allocate_extremeRatio_refusedQuicklyWithShortMessage() {
        for (String extreme : new String[] {"1e999999999", "1e-999999999"}) {
            AmountOutOfRangeException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> assertThrows(AmountOutOfRangeException.class,
                            () -> Money.of(EUR, "10.00").allocate(new BigDecimal(extreme), BigDecimal.ONE)));
            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }
    }

    @Test
    void roundToIncrement_chfFiveRappen() {
        CurrencyUnit chf = Currencies.of("CHF");
        assertEquals(Money.of(chf, "10.05"), Money.of(chf, "10.03").roundToIncrement(new BigDecimal("0.05"), RoundingMode.HALF_UP));
        assertEquals(Money.of(chf, "10.00"), Money.of(chf, "10.02").roundToIncrement(new BigDecimal("0.05"), RoundingMode.HALF_UP));
        CurrencyUnit sek = Currencies.of("SEK");
        assertEquals(Money.of(sek, "11.00"), Money.of(sek, "10.50").roundToIncrement(BigDecimal.ONE, RoundingMode.HALF_UP));
        assertThrows(AmountOutOfRangeException.class,
                () -> Money.of(chf, "1.00").roundToIncrement(new BigDecimal("0.001"), RoundingMode.HALF_UP));
    }

    @Test
    void split_versusAllocateOneWeight_equalPartsVersusTheWholeAmount() {
        assertEquals(3, Money.of(EUR, "10.00").split(3).size());
        assertEquals(List.of(Money.of(EUR, "10.00")), Money.of(EUR, "10.00").allocate(3L));
    }

    @Test
    void from_notAFiniteNumber_throwsAmountOutOfRange() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            MonetaryAmount amount = monetaryAmount("EUR", org.javamoney.moneta.spi.DefaultNumberValue.of(bad));
            AmountOutOfRangeException e = assertThrows(AmountOutOfRangeException.class, () -> Money.from(amount));
            assertTrue(e.getMessage().contains("EUR amount"), e.getMessage());
        }
    }

    @Test
    void from_moreDecimalsThanCurrency_throwsAmountOutOfRange() {
        MonetaryAmount amount = monetaryAmount("JPY",
                org.javamoney.moneta.spi.DefaultNumberValue.of(new BigDecimal("12.5")));
        assertThrows(AmountOutOfRangeException.class, () -> Money.from(amount));
    }

    /** A bare JSR 354 amount of {@code number}, as another implementation might hand one over. */
    private static MonetaryAmount monetaryAmount(String currency, javax.money.NumberValue number) {
        CurrencyUnit unit = javax.money.Monetary.getCurrency(currency);
        return (MonetaryAmount) java.lang.reflect.Proxy.newProxyInstance(MoneyTest.class.getClassLoader(),
                new Class<?>[] {MonetaryAmount.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCurrency" -> unit;
                    case "getNumber" -> number;
                    case "toString" -> currency + " " + number;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void monetaryAmount_roundTrip() {
        Money m = Money.of(BHD, "12.345");
        MonetaryAmount ma = m.toMonetaryAmount();
        assertEquals("BHD", ma.getCurrency().getCurrencyCode());
        assertEquals(m, Money.from(ma));
    }

    @Test
    void unitPrice_moreDecimalsThanCurrency_roundsOnlyTheLine() {
        UnitPrice perMinute = UnitPrice.of(EUR, "0.0125");
        assertEquals(Money.of(EUR, "0.56"), perMinute.times(new BigDecimal("45"), RoundingMode.HALF_UP));
        assertEquals(UnitPrice.of(EUR, "0.01250"), perMinute);
        assertThrows(AmountOutOfRangeException.class, () -> UnitPrice.of(EUR, "-1"));
        assertThrows(AmountOutOfRangeException.class, () -> UnitPrice.of(EUR, "0.1234567890123456789"));
        // more than 8 decimals, as EN 16931 allows for a net price (BT-146): the line still rounds once, half up
        UnitPrice perCall = UnitPrice.of(EUR, "0.000123456789012345");
        assertEquals(Money.of(EUR, "123.46"), perCall.times(new BigDecimal("1000000"), RoundingMode.HALF_UP));
        // 40.5 x 0.000123456789012345 = 0.0049999999549999725 -> 0.00; 40.6 x it = 0.00501234... -> 0.01
        assertEquals(Money.of(EUR, "0.00"), perCall.times(new BigDecimal("40.5"), RoundingMode.HALF_UP));
        assertEquals(Money.of(EUR, "0.01"), perCall.times(new BigDecimal("40.6"), RoundingMode.HALF_UP));
    }

    @Test
    void compareAndPredicates() {
        Money one = Money.of(EUR, "1.00");
        Money two = Money.of(EUR, "2.00");
        assertTrue(one.isLessThan(two));
        assertTrue(two.isGreaterThan(one));
        assertEquals(two, one.max(two));
        assertEquals(one, one.min(two));
        assertTrue(Money.zero(EUR).isZero());
        assertTrue(one.negate().isNegative());
    }
}
