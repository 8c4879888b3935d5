/**
 * Bank statements and their matching to open invoices: the transactions a statement reader
 * produces ({@link dev.billops.core.bank.BankTransaction}), ISO 11649 creditor references
 * ({@link dev.billops.core.bank.CreditorReference}), the deterministic matcher
 * ({@link dev.billops.core.bank.StatementMatcher}) and what an import did
 * ({@link dev.billops.core.bank.StatementImportResult}); the import itself, which records exact
 * matches as payments, is {@code TenantBilling.bankStatements()}.
 */
@NullMarked
package dev.billops.core.bank;

import org.jspecify.annotations.NullMarked;
