package dev.billops.bank;

import dev.billops.core.bank.BankStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the statements of one bank statement file. Implementations are immutable and
 * thread-safe; each refuses a file larger than its byte limit before reading further.
 */
public interface StatementReader {

    /**
     * The statements in {@code in}, in file order; the stream is read to its end (or to the
     * limit) and not closed.
     *
     * @throws InvalidBankStatementException if the file is malformed, too large or has a bad value
     * @throws UncheckedIOException if reading fails
     */
    List<BankStatement> read(InputStream in);

    /** {@link #read(InputStream)} of a file. */
    default List<BankStatement> read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bank statement " + file + ": " + e.getMessage(), e);
        }
    }
}
