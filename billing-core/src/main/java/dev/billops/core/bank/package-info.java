/**
 * Bank statements and their matching to open invoices: the transactions a statement reader
 * produces ({@link dev.billops.core.bank.BankTransaction}), ISO 11649 creditor references
 * ({@link dev.billops.core.bank.CreditorReference}), the deterministic matcher
 * ({@link dev.billops.core.bank.StatementMatcher}) and the import that records exact matches as
 * payments ({@link dev.billops.core.bank.StatementImport}).
 */
@NullMarked
package dev.billops.core.bank;

import org.jspecify.annotations.NullMarked;
