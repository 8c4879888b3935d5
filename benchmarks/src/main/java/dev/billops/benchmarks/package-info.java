/**
 * JMH benchmarks and timed end-to-end runs of BillOps beside their baselines, driven by
 * {@link dev.billops.benchmarks.BenchmarkSuite}. Not published.
 */
@NullMarked
package dev.billops.benchmarks;

import org.jspecify.annotations.NullMarked;
