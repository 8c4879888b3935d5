/**
 * A small property-based testing harness on JUnit 5: seeded generators ({@link
 * dev.billops.testkit.property.Gen}) with edge-case bias and shrinking, and a runner ({@link
 * dev.billops.testkit.property.Property}) that reports a reproducible seed and the smallest
 * counterexample it can find.
 *
 * <p>Generators are plain functions of a {@link java.util.random.RandomGenerator}, so a build that
 * prefers another property-testing library can wrap them.
 */
@NullMarked
package dev.billops.testkit.property;

import org.jspecify.annotations.NullMarked;
