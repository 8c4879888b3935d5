package dev.billops.jackson3;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Puts an event's {@code type()} name in a {@code "type"} property and dispatches on it when reading. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
abstract class BillingEventMixin {
}
