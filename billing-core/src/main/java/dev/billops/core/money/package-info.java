/**
 * Exact money: {@link dev.billops.core.money.Money} at a currency's minor units,
 * {@link dev.billops.core.money.UnitPrice} for prices with more decimals, cached JSR 354
 * currencies, and allocation that never loses a minor unit.
 */
@NullMarked
package dev.billops.core.money;

import org.jspecify.annotations.NullMarked;
