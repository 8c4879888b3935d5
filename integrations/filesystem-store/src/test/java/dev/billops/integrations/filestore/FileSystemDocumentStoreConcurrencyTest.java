package dev.billops.integrations.filestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemDocumentStoreConcurrencyTest {

    static final TenantId ACME = TenantId.of("acme");
    static final int WRITERS = 8;
    static final int ROUNDS = 40;

    @TempDir
    Path root;

    /** 256 KiB, every byte the writer's number, so that a mix of two versions shows. */
    static byte[] content(int writer) {
        byte[] b = new byte[256 * 1024 + writer];
        Arrays.fill(b, (byte) ('A' + writer));
        return b;
    }

    @Test
    void put_sameIdFrom8Threads_fileIsAlwaysOneCompleteVersion() throws Exception {
        FileSystemDocumentStore store = FileSystemDocumentStore.at(root);
        List<byte[]> versions = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            versions.add(content(w));
        }
        store.put(ACME, "invoices/contested.pdf", "application/pdf", versions.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger torn = new AtomicInteger();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                byte[] mine = versions.get(w);
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        store.put(ACME, "invoices/contested.pdf", "application/pdf", mine);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    Optional<byte[]> seen = store.get(ACME, "invoices/contested.pdf");
                    reads.incrementAndGet();
                    if (seen.isEmpty() || versions.stream().noneMatch(v -> Arrays.equals(v, seen.get()))) {
                        torn.incrementAndGet();
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        byte[] last = store.get(ACME, "invoices/contested.pdf").orElseThrow();
        assertTrue(versions.stream().anyMatch(v -> Arrays.equals(v, last)), "final file is one written version");
        assertEquals(0, torn.get(), "reads that saw a partial, mixed or missing document, of " + reads.get());
        assertTrue(reads.get() > 0);
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of("contested.pdf"),
                    files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList(), "no temp files left");
        }
    }

    @Test
    void putAndDelete_concurrentInOneFolder_neverFailAndLeaveConsistentState() throws Exception {
        FileSystemDocumentStore store = FileSystemDocumentStore.at(root);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String id = "shared/doc-" + w + ".pdf";
                byte[] mine = content(w);
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        store.put(ACME, id, "application/pdf", mine);
                        store.delete(ACME, id);
                    }
                    store.put(ACME, id, "application/pdf", mine);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : tasks) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(WRITERS, store.list(ACME, "shared/").size());
        for (int w = 0; w < WRITERS; w++) {
            assertTrue(Arrays.equals(content(w), store.get(ACME, "shared/doc-" + w + ".pdf").orElseThrow()));
        }
    }
}
