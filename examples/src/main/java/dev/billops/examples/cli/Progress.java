package dev.billops.examples.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for work that takes longer than a second: nothing is shown
 * for quick runs; after the first second each {@link #update} prints the current step, rewriting
 * one line on a terminal (at most every 250 ms) and as separate lines otherwise (a log file; at
 * most one a second).
 * Work that is one long call reports through {@link #ticking}, which repeats its step from a
 * background thread until closed. Thread-safe.
 */
final class Progress {

    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean terminal;
    private final long started;
    private final long interval;
    private long lastShown = Long.MIN_VALUE;
    private int lastLength;
    private boolean shown;
    private boolean open;

    Progress(PrintWriter err, LongSupplier nanoTime, boolean terminal) {
        this.err = Objects.requireNonNull(err, "err");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.terminal = terminal;
        this.started = nanoTime.getAsLong();
        this.interval = terminal ? INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    }

    /** Progress on {@code err}, rewriting one line when the process has a console. */
    static Progress on(PrintWriter err) {
        return new Progress(err, System::nanoTime, System.console() != null);
    }

    /** Reports that {@code step} has done {@code done} of {@code total} items (total 0: unknown). */
    synchronized void update(String step, long done, long total) {
        long now = nanoTime.getAsLong();
        if (now - started < QUIET_NANOS || (shown && now - lastShown < interval && done != total)) {
            return;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(now - started);
        String text = total > 0
                ? String.format(java.util.Locale.ROOT, "[%3ds] %s %d/%d (%d%%)", seconds, step, done, total,
                        done * 100 / total)
                : String.format(java.util.Locale.ROOT, "[%3ds] %s", seconds, step);
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            open = true;
        } else {
            err.println(text);
        }
        err.flush();
        lastLength = text.length();
        lastShown = now;
        shown = true;
    }

    /** Reports a step without a count. */
    void update(String step) {
        update(step, 0, 0);
    }

    /**
     * Reports {@code step} with the elapsed time every quarter second (after the first second)
     * until the returned handle is closed; for one long call such as a package run.
     */
    Ticker ticking(String step) {
        Objects.requireNonNull(step, "step");
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    update(step);
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(INTERVAL_NANOS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "billops-progress");
        thread.setDaemon(true);
        thread.start();
        return new Ticker(thread);
    }

    /** Stops a {@link #ticking} step. */
    static final class Ticker implements AutoCloseable {
        private final Thread thread;

        private Ticker(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the progress line, if one is open; later output starts on a line of its own. */
    synchronized void finish() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }

    /** Whether anything was printed. */
    synchronized boolean shown() {
        return shown;
    }
}
