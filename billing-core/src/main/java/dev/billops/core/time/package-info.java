/**
 * Calendar and clock arithmetic for billing: half-open date ranges, zone-aware time spans that are
 * right across DST changes, billable-duration rounding, reporting periods with a configurable week
 * and fiscal-year start, and business days with a pluggable holiday calendar.
 *
 * <p>Every type here is an immutable value, safe to share between threads. Nothing reads the system
 * clock or the default time zone: zones are always passed in.
 */
@NullMarked
package dev.billops.core.time;

import org.jspecify.annotations.NullMarked;
