package dev.billops.core.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The calculation in long minor units ({@link LongTaxCalculation}) gives the BigDecimal rule's
 * result ({@link TaxCalculator#exactCalculate}) wherever it applies, and declines (null) only where
 * a rate or a sum does not fit.
 */
class LongTaxCalculationTest {

    private static final Gen<CurrencyUnit> CURRENCIES = Gen.oneOf("EUR", "JPY", "BHD", "CHF").map(Currencies::of);

    private static final Gen<TaxTreatment> TREATMENTS = Gen.frequency(
            Gen.weighted(4, Gen.oneOf("19", "7", "20", "5.5", "8.1", "2.6", "25", "99.999999")
                    .map(r -> TaxTreatment.standard(new BigDecimal(r)))),
            Gen.weighted(2, Gen.bigDecimals(new BigDecimal("0.001"), new BigDecimal("98.999"), 3)
                    .map(TaxTreatment::standard)),
            Gen.weighted(1, Gen.oneOf(TaxTreatment.zeroRated(), TaxTreatment.reverseCharge(),
                    TaxTreatment.exempt("exempt under article 132"), TaxTreatment.export())));

    /** Minor units: mostly ordinary amounts, some near the range of a Money. */
    private static final Gen<Long> MINOR = Gen.frequency(
            Gen.weighted(200, Gen.longs(-100_000L, 1_000_000L)),
            Gen.weighted(10, Gen.longs(-1_000_000_000_000L, 1_000_000_000_000L)),
            Gen.weighted(2, Gen.longs(-99_999_999_999_999_999L, 99_999_999_999_999_999L)));

    record Doc(CurrencyUnit currency, List<TaxableAmount> lines, List<TaxableAmount> adjustments, PriceBasis basis,
            TaxRoundingPolicy rounding, @Nullable BigDecimal cashIncrement) {
    }

    private static final Gen<Doc> DOCS = Gen.compose(d -> {
        CurrencyUnit currency = d.draw(CURRENCIES);
        int scale = currency.getDefaultFractionDigits();
        List<TaxTreatment> treatments = d.draw(Gen.listOf(TREATMENTS, 1, 4));
        List<TaxableAmount> lines = new ArrayList<>();
        for (long minor : d.draw(Gen.listOf(MINOR, 0, 60))) {
            lines.add(new TaxableAmount(Money.ofMinor(currency, bounded(minor, scale)),
                    treatments.get(d.nextInt(treatments.size()))));
        }
        List<TaxableAmount> adjustments = new ArrayList<>();
        for (long minor : d.draw(Gen.listOf(MINOR, 0, 3))) {
            // allowances and charges of either sign: the kind is not the sign (BR-CO-11, BR-CO-12)
            adjustments.add(new TaxableAmount(Money.ofMinor(currency, bounded(minor, scale)),
                    treatments.get(d.nextInt(treatments.size())), d.nextBoolean()));
        }
        BigDecimal cash = d.nextBoolean() ? BigDecimal.ONE.movePointLeft(scale).multiply(BigDecimal.valueOf(5)) : null;
        return new Doc(currency, lines, adjustments, d.draw(Gen.enumValues(PriceBasis.class)),
                d.draw(Gen.enumValues(TaxRoundingPolicy.class)), cash);
    });

    /** {@code minor} within the range of a Money of the currency's scale. */
    private static long bounded(long minor, int scale) {
        long limit = 999_999_999_999_999L * (long) Math.pow(10, scale);
        return Math.max(-limit, Math.min(limit, minor));
    }

    @Test
    void calculate_anyDocument_equalsTheRuleOrDeclines() {
        AtomicInteger compared = new AtomicInteger();
        Property.forAll(DOCS).tries(3_000).verify(doc -> {
            Object rule = outcome(() -> TaxCalculator.exactCalculate(doc.currency(), doc.lines(), doc.adjustments(),
                    doc.basis(), doc.rounding(), doc.cashIncrement()));
            Object fast;
            try {
                fast = LongTaxCalculation.calculate(doc.currency(), doc.lines(), doc.adjustments(), doc.basis(),
                        doc.rounding(), doc.cashIncrement());
            } catch (RuntimeException e) {
                fast = e.getClass().getName() + ": " + e.getMessage();
            }
            if (fast != null) {
                compared.incrementAndGet();
                assertEquals(rule, fast, doc::toString);
            }
        });
        // most documents are computed in long minor units, not declined (the huge amounts make some overflow)
        assertEquals(true, compared.get() > 1_500, compared + " of 3000 compared");
    }

    @Test
    void calculate_rateWithMoreThanSixDecimals_declines() {
        CurrencyUnit eur = Currencies.of("EUR");
        List<TaxableAmount> lines = List.of(new TaxableAmount(Money.of(eur, "100.00"),
                TaxTreatment.standard(new BigDecimal("19.1234567"))));
        assertNull(LongTaxCalculation.calculate(eur, lines, List.of(), PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP,
                null));
        assertEquals(Money.of(eur, "16.05"), TaxCalculator.calculate(eur, lines, List.of(), PriceBasis.GROSS,
                TaxRoundingPolicy.PER_GROUP, null).totals().taxTotal());
    }

    @Test
    void calculate_sumBeyondLong_declinesAndTheRuleDecides() {
        CurrencyUnit bhd = Currencies.of("BHD");
        Money big = Money.ofMinor(bhd, 999_999_999_999_999_999L);
        TaxTreatment s = TaxTreatment.standard(new BigDecimal("19"));
        List<TaxableAmount> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new TaxableAmount(big, s));
        }
        for (int i = 0; i < 10; i++) {
            lines.add(new TaxableAmount(big.negate(), s));
        }
        lines.add(new TaxableAmount(Money.of(bhd, "1.000"), s));
        // the running sum leaves long, so the fast path declines; the rule's total is BHD 1.000
        assertNull(LongTaxCalculation.calculate(bhd, lines, List.of(), PriceBasis.NET, TaxRoundingPolicy.PER_GROUP,
                null));
        TaxResult r = TaxCalculator.calculate(bhd, lines, List.of(), PriceBasis.NET, TaxRoundingPolicy.PER_GROUP,
                null);
        assertEquals(Money.of(bhd, "1.190"), r.totals().payable());
        assertNotNull(r.lineNets());
    }

    @Test
    void calculate_totalBeyondMoney_refusedLikeTheRule() {
        CurrencyUnit eur = Currencies.of("EUR");
        Money big = Money.ofMinor(eur, 99_999_999_999_999_999L);
        List<TaxableAmount> lines = List.of(new TaxableAmount(big, TaxTreatment.zeroRated()),
                new TaxableAmount(big, TaxTreatment.zeroRated()));
        AmountOutOfRangeException fast = assertThrows(AmountOutOfRangeException.class,
                () -> LongTaxCalculation.calculate(eur, lines, List.of(), PriceBasis.NET, TaxRoundingPolicy.PER_GROUP,
                        null));
        AmountOutOfRangeException rule = assertThrows(AmountOutOfRangeException.class,
                () -> TaxCalculator.exactCalculate(eur, lines, List.of(), PriceBasis.NET, TaxRoundingPolicy.PER_GROUP,
                        null));
        assertEquals(rule.getMessage(), fast.getMessage());
    }

    private static Object outcome(java.util.function.Supplier<TaxResult> calculation) {
        try {
            return calculation.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
