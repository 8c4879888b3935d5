/** The {@code billops} command line: demo, package-invoices, invoice-pdf, aging, import-ics. */
@NullMarked
package dev.billops.examples.cli;

import org.jspecify.annotations.NullMarked;
