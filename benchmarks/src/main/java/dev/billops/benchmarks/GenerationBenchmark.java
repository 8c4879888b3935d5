package dev.billops.benchmarks;

import dev.billops.core.internal.invoice.Generation;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.internal.invoice.GenerationRequest;
import dev.billops.core.invoice.GroupingPolicy;
import dev.billops.core.internal.invoice.InvoiceGenerator;
import dev.billops.core.timeentry.TimeEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Case 1: price, round and group 1,000,000 time entries of 10,000 clients into one draft per
 * client, on one thread. The score is entries per second ({@link OperationsPerInvocation} = entry
 * count). Ours: {@link InvoiceGenerator} per client with project grouping (the default) and with
 * one line per entry. Baselines: {@link LongBaseline} (flat arrays, cents) and
 * {@link MonetaBaseline} (moneta {@code Money}, what a user would write).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GenerationBenchmark {

    static final int CLIENTS = 10_000;
    static final int ENTRIES_PER_CLIENT = 100;
    static final int ENTRIES = CLIENTS * ENTRIES_PER_CLIENT;

    private Workload workload;
    private GenerationContext[] contexts;
    private List<List<TimeEntry>> entries;
    private Workload.Flat flat;
    private LongBaseline longBaseline;
    private MonetaBaseline monetaBaseline;
    private final GenerationRequest perProject = GenerationRequest.of(Workload.PERIOD,
            GenerationPolicy.DEFAULT.withGrouping(GroupingPolicy.perProject()));
    private final GenerationRequest perEntry = GenerationRequest.of(Workload.PERIOD,
            GenerationPolicy.DEFAULT.withGrouping(GroupingPolicy.perEntry()));

    @Setup(Level.Trial)
    public void setUp() {
        workload = Workload.of(CLIENTS, ENTRIES_PER_CLIENT);
        if (workload.entryCount != ENTRIES) {
            throw new IllegalStateException("workload has " + workload.entryCount + " entries");
        }
        contexts = new GenerationContext[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            contexts[c] = workload.context(c);
        }
        entries = workload.entries;
        flat = workload.flat();
        longBaseline = new LongBaseline(flat);
        monetaBaseline = new MonetaBaseline(workload);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void oursPerProject(Blackhole bh) {
        for (int c = 0; c < CLIENTS; c++) {
            Generation g = InvoiceGenerator.generate(contexts[c], entries.get(c), perProject);
            bh.consume(g.lines().size());
            bh.consume(g);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void oursPerEntry(Blackhole bh) {
        for (int c = 0; c < CLIENTS; c++) {
            Generation g = InvoiceGenerator.generate(contexts[c], entries.get(c), perEntry);
            bh.consume(g.lines().size());
            bh.consume(g);
        }
    }

    long oursPerProjectCount() {
        long lines = 0;
        for (int c = 0; c < CLIENTS; c++) {
            lines += InvoiceGenerator.generate(contexts[c], entries.get(c), perProject).lines().size();
        }
        return lines;
    }

    long oursPerEntryCount() {
        long lines = 0;
        for (int c = 0; c < CLIENTS; c++) {
            lines += InvoiceGenerator.generate(contexts[c], entries.get(c), perEntry).lines().size();
        }
        return lines;
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long baselineLongLoop() {
        long sum = 0;
        for (int c = 0; c < CLIENTS; c++) {
            sum += longBaseline.client(c);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void baselineMoneta(Blackhole bh) {
        for (int c = 0; c < CLIENTS; c++) {
            bh.consume(monetaBaseline.client(c));
        }
    }
}
