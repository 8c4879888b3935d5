/**
 * Readers of bank statements: ISO 20022 camt.053 and camt.054 ({@link dev.billops.bank.CamtReader}),
 * SWIFT MT940 ({@link dev.billops.bank.Mt940Reader}) and CSV exports
 * ({@link dev.billops.bank.CsvStatementReader}). Each turns a file into the
 * {@link dev.billops.core.bank.BankStatement}s that {@link dev.billops.core.BankStatements}
 * matches to open invoices. Bad input throws {@link dev.billops.bank.InvalidBankStatementException}
 * naming the line or element and the value.
 */
@NullMarked
package dev.billops.bank;

import org.jspecify.annotations.NullMarked;
