/**
 * How a tenant numbers its documents: number patterns, series, counter resets and start offsets.
 * Part of the tenant's policies ({@code TenantPolicies}); the counters themselves are kept by the
 * invoice package's {@code NumberSequenceStore}.
 */
@NullMarked
package dev.billops.core.numbering;

import org.jspecify.annotations.NullMarked;
