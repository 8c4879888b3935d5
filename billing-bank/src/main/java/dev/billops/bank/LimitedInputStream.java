package dev.billops.bank;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Passes at most {@code limit} bytes on and fails on the next one, so no reader buffers an endless file. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown (as an IOException, so parsers pass it on) when the limit is exceeded. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /**
     * All bytes of {@code in}, at most {@code limit}.
     *
     * @throws InvalidBankStatementException if there are more
     * @throws UncheckedIOException if reading fails
     */
    static byte[] readAll(InputStream in, long limit, String format) {
        LimitedInputStream limited = new LimitedInputStream(in, limit);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            limited.transferTo(out);
            return out.toByteArray();
        } catch (LimitExceeded e) {
            throw new InvalidBankStatementException(format, "the file", "", "is larger than the limit of " + limit
                    + " bytes", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + format + " statement: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private void count(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit);
        }
    }
}
