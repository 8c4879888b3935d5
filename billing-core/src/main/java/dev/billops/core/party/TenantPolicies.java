package dev.billops.core.party;

import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.tax.TaxPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The policies of one tenant, kept in its profile ({@link Tenant#policies()}): so that one
 * {@code Billing} can serve tenants in several countries, each with its own prices, numbers and
 * calendar.
 *
 * <p>"Today" for the tenant is the clock's instant in {@link #zone}: issue and due dates, the
 * year of yearly counters, overdue, reminders and the package run of "today" all use it. An
 * invoice issued at 00:30 in Berlin on 1 January is dated 1 January and numbered in the new
 * year's series, although it is still 31 December in UTC.
 *
 * <p>Immutable; change one part with the {@code with…} methods.
 *
 * @param zone the tenant's time zone (UTC unless set)
 * @param tax how new documents are taxed: price basis, tax rounding, cash rounding increments
 * @param numbering how documents are numbered, per series
 */
public record TenantPolicies(ZoneId zone, TaxPolicy tax, NumberingPolicy numbering) {

    private static final TenantPolicies DEFAULTS = new TenantPolicies(ZoneOffset.UTC, TaxPolicy.defaults(),
            NumberingPolicy.defaults());

    public TenantPolicies {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(numbering, "numbering");
    }

    /**
     * UTC, {@link TaxPolicy#defaults()} (net prices, per-group rounding, no cash rounding) and
     * {@link NumberingPolicy#defaults()} ({@code INV-2026-00001}, {@code CN-2026-00001}, yearly
     * reset): what a tenant gets that sets nothing.
     */
    public static TenantPolicies defaults() {
        return DEFAULTS;
    }

    /** Today in the tenant's zone at the instant of {@code clock}. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(Objects.requireNonNull(clock, "clock").instant(), zone);
    }

    public TenantPolicies withZone(ZoneId zone) {
        return new TenantPolicies(zone, tax, numbering);
    }

    public TenantPolicies withTax(TaxPolicy tax) {
        return new TenantPolicies(zone, tax, numbering);
    }

    public TenantPolicies withNumbering(NumberingPolicy numbering) {
        return new TenantPolicies(zone, tax, numbering);
    }
}
