package dev.billops.jackson3;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.billops.core.tax.PayableRounding;

/**
 * Writes an invoice's payable rounding (BT-114) with its kind in a {@code "kind"} property,
 * {@code {"kind":"cashIncrement","increment":0.05}} or
 * {@code {"kind":"amount","amount":{"amount":"-0.40","currency":"EUR"}}}, and reads it back by that kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PayableRounding.CashIncrement.class, name = "cashIncrement"),
    @JsonSubTypes.Type(value = PayableRounding.Amount.class, name = "amount")
})
abstract class PayableRoundingMixin {
}
