package dev.billops.benchmarks;

import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxRoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case 2: totals and tax breakdown of a 1,000-line invoice at 19 %, 7 % and 0 %, i.e.
 * {@link Invoice#recalculated()} (line nets, EN 16931 groups, tax per group, document totals),
 * with net prices and with gross prices (tax included, remainder spread over the lines). Two
 * baselines: the bare {@link BigDecimal} loop a user would write (each line's quantity × price
 * rounded half up to cents, summed per rate, tax per rate = base × rate / 100 rounded half up),
 * against which the targets are set; and the sum of cents per rate over pre-converted
 * {@code long}s, the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaxTotalsBenchmark {

    static final int LINES = 1_000;

    private Invoice net;
    private Invoice gross;
    private long[] quantity4;
    private long[] priceCents;
    private int[] rateGroup;
    private final long[] ratePercent = {19, 7, 0};
    private BigDecimal[] quantity;
    private BigDecimal[] price;
    private final BigDecimal[] rate = {new BigDecimal("19"), new BigDecimal("7"), BigDecimal.ZERO};

    @Setup(Level.Trial)
    public void setUp() {
        net = Invoices.draft("inv-net", LINES).withPricing(PriceBasis.NET, TaxRoundingPolicy.PER_GROUP, null);
        gross = Invoices.draft("inv-gross", LINES).withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_GROUP, null);
        List<InvoiceLine> lines = net.lines();
        quantity4 = new long[LINES];
        priceCents = new long[LINES];
        rateGroup = new int[LINES];
        quantity = new BigDecimal[LINES];
        price = new BigDecimal[LINES];
        for (int i = 0; i < LINES; i++) {
            InvoiceLine l = lines.get(i);
            quantity4[i] = l.quantity().setScale(4, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            priceCents[i] = l.price().amount().setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            quantity[i] = l.quantity();
            price[i] = l.price().amount();
            BigDecimal rate = l.tax().ratePercent();
            rateGroup[i] = l.tax().category() == TaxCategory.Z ? 2 : rate != null && rate.intValue() == 7 ? 1 : 0;
        }
    }

    @Benchmark
    public Invoice oursNet() {
        return net.recalculated();
    }

    @Benchmark
    public Invoice oursGross() {
        return gross.recalculated();
    }

    @Benchmark
    public long baselineLongNet() {
        long[] base = new long[3];
        for (int i = 0; i < LINES; i++) {
            base[rateGroup[i]] += (quantity4[i] * priceCents[i] + 5_000) / 10_000;
        }
        long total = 0;
        for (int g = 0; g < 3; g++) {
            long tax = (base[g] * ratePercent[g] + 50) / 100;
            total += base[g] + tax;
        }
        return total;
    }

    @Benchmark
    public BigDecimal baselineBigDecimal() {
        BigDecimal[] base = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int i = 0; i < LINES; i++) {
            int g = rateGroup[i];
            base[g] = base[g].add(quantity[i].multiply(price[i]).setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int g = 0; g < 3; g++) {
            BigDecimal tax = base[g].multiply(rate[g]).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            total = total.add(base[g]).add(tax);
        }
        return total;
    }
}
