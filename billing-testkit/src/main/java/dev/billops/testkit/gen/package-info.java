/**
 * Seeded generators of valid domain values for property tests: time ({@link
 * dev.billops.testkit.gen.TimeGens}), money ({@link dev.billops.testkit.gen.MoneyGens}) and
 * everything else ({@link dev.billops.testkit.gen.DomainGens}). Built on {@link
 * dev.billops.testkit.property.Gen}.
 */
@NullMarked
package dev.billops.testkit.gen;

import org.jspecify.annotations.NullMarked;
