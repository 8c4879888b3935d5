/**
 * The master data a host maintains: its own seller record, clients, projects, timekeepers,
 * activities and rate rules. Each service validates references before writing, writes through
 * the store ports of the record's own package, and leaves an audit record for every change.
 *
 * <p>This package sits above {@code store} (it runs in tenant scopes) and below the facade; the
 * domain packages it serves never depend on it.
 */
@NullMarked
package dev.billops.core.catalog;

import org.jspecify.annotations.NullMarked;
