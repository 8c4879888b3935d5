/** The demo consultancy: a month of time, invoices, package run, PDFs, payments and AR aging. */
@NullMarked
package dev.billops.examples.demo;

import org.jspecify.annotations.NullMarked;
