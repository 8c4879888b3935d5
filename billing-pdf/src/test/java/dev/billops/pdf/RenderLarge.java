package dev.billops.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders {@link Samples#longInvoice} with the given number of lines to a file, in a JVM of its
 * own (started by {@link LargeInvoicePdfTest} with a bounded heap), and prints the peak heap used.
 */
public final class RenderLarge {

    private RenderLarge() {
    }

    /** {@code lines file}. */
    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        InvoiceDocument doc = Samples.longInvoice(lines);
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            InvoicePdfRenderer.create().render(doc, out);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("rendered %d lines in %d ms, %d bytes, peak heap %d MB%n", lines,
                (System.nanoTime() - start) / 1_000_000, Files.size(file), peak >> 20);
    }
}
