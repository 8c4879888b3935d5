package dev.billops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A developer's A/B probe for a shared, loaded machine: runs one case for a warm-up time, then
 * reports the <em>CPU time</em> of this thread per operation (median of rounds), which other
 * processes on the machine disturb far less than wall time. Not part of the suite's table.
 *
 * <p>{@code java -cp benchmarks.jar dev.billops.benchmarks.CpuProbe tax-net|tax-gross|tax-bigdecimal|pdf-1|pdf-openpdf|gen-project|gen-entry|gen-long [seconds]}
 */
public final class CpuProbe {

    private CpuProbe() {
    }

    public static void main(String[] args) {
        String which = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        LongSupplier op;
        long perOp;
        switch (which) {
            case "tax-net", "tax-gross" -> {
                TaxTotalsBenchmark b = new TaxTotalsBenchmark();
                b.setUp();
                boolean net = which.equals("tax-net");
                op = () -> (net ? b.oursNet() : b.oursGross()).totals().payable().toMinor();
                perOp = 1;
            }
            case "tax-bigdecimal" -> {
                TaxTotalsBenchmark b = new TaxTotalsBenchmark();
                b.setUp();
                op = () -> b.baselineBigDecimal().unscaledValue().longValue();
                perOp = 1;
            }
            case "pdf-1" -> {
                PdfBenchmark b = new PdfBenchmark();
                b.pages = 1;
                b.setUp();
                op = () -> b.ours().length;
                perOp = 1;
            }
            case "gen-project", "gen-entry" -> {
                GenerationBenchmark b = new GenerationBenchmark();
                b.setUp();
                boolean project = which.equals("gen-project");
                op = () -> project ? b.oursPerProjectCount() : b.oursPerEntryCount();
                perOp = GenerationBenchmark.ENTRIES;
            }
            case "gen-long" -> {
                GenerationBenchmark b = new GenerationBenchmark();
                b.setUp();
                op = b::baselineLongLoop;
                perOp = GenerationBenchmark.ENTRIES;
            }
            case "pdf-openpdf" -> {
                PdfBenchmark b = new PdfBenchmark();
                b.pages = 1;
                b.setUp();
                op = () -> b.baselineOpenPdf().length;
                perOp = 1;
            }
            default -> throw new IllegalArgumentException("unknown case " + which);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L / 2;
        while (System.nanoTime() < end) {
            sink += op.getAsLong();
        }
        int rounds = 10;
        double[] perOpNanos = new double[rounds];
        long roundNanos = seconds * 1_000_000_000L / 2 / rounds;
        for (int r = 0; r < rounds; r++) {
            long ops = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wallEnd = System.nanoTime() + roundNanos;
            while (System.nanoTime() < wallEnd) {
                sink += op.getAsLong();
                ops++;
            }
            perOpNanos[r] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) (ops * perOp);
        }
        java.util.Arrays.sort(perOpNanos);
        System.out.printf(Locale.ROOT, "%s: median CPU %.1f ns per %s (min %.1f, max %.1f) [%d]%n", which,
                perOpNanos[rounds / 2], perOp == 1 ? "op" : "entry", perOpNanos[0], perOpNanos[rounds - 1], sink & 1);
    }
}
