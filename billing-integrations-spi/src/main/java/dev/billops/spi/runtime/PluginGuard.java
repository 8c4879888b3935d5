package dev.billops.spi.runtime;

import dev.billops.core.error.BillingException;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import dev.billops.spi.TransientPluginException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the calls of one plugin: on a small pool of daemon threads with a timeout (or on the
 * caller's thread when there is none), retrying transient failures, and keeping what it saw for
 * {@link PluginHealth}. Thread-safe.
 *
 * <p>At most {@code maxConcurrentCalls} calls of the plugin run at once, counted from submit to
 * the end of the plugin's code: when that many are still running (hung calls are abandoned, not
 * killed), further calls fail at once instead of piling up threads. A call that returned no longer
 * counts, even while its pool thread is on its way back to wait for the next one (the next call
 * waits in the pool's queue for that moment). The pool holds at most that many threads; idle
 * ones end after 30 s.
 */
final class PluginGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);

    private final String id;
    private final @Nullable Duration timeout;
    private final RetryPolicy retry;
    private final Clock clock;
    private final int downAfter;
    private final int maxConcurrentCalls;
    private final @Nullable ThreadPoolExecutor executor;
    /** Calls submitted and not ended; at most {@link #maxConcurrentCalls}. */
    private final Semaphore running;
    /** Secret configuration values of the plugin, scrubbed from every message the guard logs, keeps or throws. */
    private final List<String> secrets;
    private final PluginCallListener calls;

    private int consecutiveFailures;
    private @Nullable String lastFailure;
    private @Nullable Instant lastFailureAt;
    private volatile @Nullable String unusable;

    PluginGuard(String id, @Nullable Duration timeout, RetryPolicy retry, Clock clock, int downAfter,
            int maxConcurrentCalls, List<String> secrets) {
        this(id, timeout, retry, clock, downAfter, maxConcurrentCalls, secrets, PluginCallListener.NONE);
    }

    PluginGuard(String id, @Nullable Duration timeout, RetryPolicy retry, Clock clock, int downAfter,
            int maxConcurrentCalls, List<String> secrets, PluginCallListener calls) {
        this.id = Objects.requireNonNull(id, "id");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.secrets = List.copyOf(secrets);
        this.timeout = timeout;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.downAfter = downAfter;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.executor = timeout == null ? null : newExecutor(id, maxConcurrentCalls);
        this.running = new Semaphore(maxConcurrentCalls);
    }

    private static ThreadPoolExecutor newExecutor(String id, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "billops-plugin-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // the running calls are bounded by the semaphore, so the queue holds at most that many, and
        // only for the moment a thread that ended a call takes to come back for the next one
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    String id() {
        return id;
    }

    @Nullable Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code work} as the plugin's {@code operation}, through timeout and retries.
     * A null result is garbage and fails the call; so does a result {@code check} returns a
     * problem for. Failures are recorded and logged with the plugin id, then thrown: a
     * {@link PluginException} (a {@link TransientPluginException} if it may work later), or the
     * plugin's own {@link BillingException} (such as a {@link MalformedCalendarException}) unchanged.
     */
    <T> T call(String operation, Callable<@Nullable T> work, Function<T, @Nullable String> check) {
        return call(operation, work, check, true);
    }

    /**
     * {@link #call} for accessors ({@code kinds}, {@code eventTypes}): a failure counts, but a
     * success does not clear the failures of real calls.
     */
    <T> T query(String operation, Callable<@Nullable T> work, Function<T, @Nullable String> check) {
        return call(operation, work, check, false);
    }

    private <T> T call(String operation, Callable<@Nullable T> work, Function<T, @Nullable String> check,
            boolean counted) {
        long started = System.nanoTime();
        PluginCallListener.Outcome outcome = PluginCallListener.Outcome.FAILURE;
        try {
            T result = attempts(operation, work, check, counted);
            outcome = PluginCallListener.Outcome.SUCCESS;
            return result;
        } catch (PluginTimeoutException e) {
            outcome = PluginCallListener.Outcome.TIMEOUT;
            throw e;
        } finally {
            observed(operation, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void observed(String operation, PluginCallListener.Outcome outcome, Duration duration) {
        try {
            calls.onCall(id, operation, outcome, duration);
        } catch (RuntimeException e) {
            LOG.warn("plugin {}: the call listener failed on {} ({}): {}", id, operation, outcome, e.toString());
        }
    }

    private <T> T attempts(String operation, Callable<@Nullable T> work, Function<T, @Nullable String> check,
            boolean counted) {
        int attempt = 1;
        while (true) {
            BillingException failure;
            try {
                T result = once(operation, work);
                if (result == null) {
                    throw new PluginException(id, operation + " returned null");
                }
                String problem = check.apply(result);
                if (problem != null) {
                    throw new PluginException(id, operation + " returned garbage: " + problem);
                }
                if (counted) {
                    succeeded();
                }
                return result;
            } catch (TransientPluginException e) {
                failure = scrubbed(e);
                Duration wait = retryWait(e, attempt);
                if (wait != null) {
                    LOG.warn("plugin {}: {} failed (attempt {} of {}), retrying in {} ms: {}", id, operation, attempt,
                            retry.maxAttempts(), wait.toMillis(), reason(failure));
                    sleep(operation, wait);
                    attempt++;
                    continue;
                }
            } catch (BillingException e) {
                failure = scrubbed(e);
            }
            failed(operation, attempt, failure);
            throw failure;
        }
    }

    /** {@link #call} for methods without a result. */
    void run(String operation, Runnable work) {
        call(operation, () -> {
            work.run();
            return Boolean.TRUE;
        }, r -> null);
    }

    /** The plugin's own health (under the timeout, never retried, not counted) combined with the calls seen. */
    PluginHealth health(Callable<@Nullable PluginHealth> own) {
        String reason = unusable;
        Snapshot s = snapshot();
        if (reason != null) {
            return new PluginHealth(PluginHealth.Status.DOWN, reason, s.consecutive, s.lastFailure, s.lastFailureAt);
        }
        PluginHealth mine;
        try {
            PluginHealth h = once("health", own);
            mine = h == null ? PluginHealth.down("health check returned null")
                    : new PluginHealth(h.status(), scrub(h.message()), h.consecutiveFailures(), h.lastFailure(),
                            h.lastFailureAt());
        } catch (BillingException e) {
            mine = PluginHealth.down("health check failed: " + reason(scrubbed(e)));
        }
        PluginHealth.Status seen = s.consecutive == 0 ? PluginHealth.Status.UP
                : s.consecutive >= downAfter ? PluginHealth.Status.DOWN : PluginHealth.Status.DEGRADED;
        PluginHealth.Status status = seen.compareTo(mine.status()) > 0 ? seen : mine.status();
        String message = mine.status().compareTo(seen) >= 0 && !mine.isUp() ? mine.message()
                : s.consecutive > 0 ? s.consecutive + " consecutive failed call(s); last: " + s.lastFailure
                : mine.message();
        return new PluginHealth(status, message, s.consecutive, s.lastFailure, s.lastFailureAt);
    }

    /** Marks the plugin unusable (its configuration failed): DOWN with this reason. */
    void markUnusable(String why) {
        String clean = scrub(Objects.requireNonNull(why, "why"));
        unusable = clean;
        synchronized (this) {
            lastFailure = clean;
            lastFailureAt = clock.instant();
        }
    }

    @Nullable String unusableReason() {
        return unusable;
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private <T> @Nullable T once(String operation, Callable<@Nullable T> work) {
        if (executor == null) {
            return invokeInline(operation, work);
        }
        if (executor.isShutdown()) {
            throw new PluginException(id, operation + " rejected: the registry is closed");
        }
        if (!running.tryAcquire()) {
            throw new PluginException(id, operation + " rejected: " + maxConcurrentCalls
                    + " calls of this plugin are still running (hung?)");
        }
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                running.release();
            }
        };
        Future<@Nullable T> future;
        try {
            future = executor.submit(() -> {
                started.set(true);
                try {
                    return work.call();
                } finally {
                    end.run();
                }
            });
        } catch (RejectedExecutionException e) {
            end.run(); // the queue is unbounded: only a closed registry rejects
            throw new PluginException(id, operation + " rejected: the registry is closed");
        }
        Duration limit = Objects.requireNonNull(timeout);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (!started.get()) {
                end.run(); // cancelled before the plugin's code ran: it will never run
            }
            throw new PluginTimeoutException(id, operation, limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            if (!started.get()) {
                end.run();
            }
            Thread.currentThread().interrupt();
            throw new PluginException(id, operation + " interrupted while waiting for the plugin");
        } catch (ExecutionException e) {
            throw translate(operation, e.getCause() != null ? e.getCause() : e);
        }
    }

    private <T> @Nullable T invokeInline(String operation, Callable<@Nullable T> work) {
        try {
            return work.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(id, operation + " interrupted", e);
        } catch (Exception | LinkageError | AssertionError e) {
            throw translate(operation, e);
        }
    }

    private BillingException translate(String operation, Throwable t) {
        if (t instanceof BillingException b) {
            return b;
        }
        if (t instanceof VirtualMachineError v) {
            throw v;
        }
        return new PluginException(id, operation + " failed: " + t, t);
    }

    private @Nullable Duration retryWait(TransientPluginException e, int attempt) {
        if (e instanceof PluginTimeoutException || attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration wait = retry.backoffAfter(attempt);
        Duration asked = e.retryAfter().orElse(Duration.ZERO);
        if (asked.compareTo(retry.maxBackoff()) > 0) {
            LOG.warn("plugin {}: asked to wait {} ms, longer than the longest backoff {} ms; not retrying now", id,
                    asked.toMillis(), retry.maxBackoff().toMillis());
            return null;
        }
        return asked.compareTo(wait) > 0 ? asked : wait;
    }

    private void sleep(String operation, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(id, operation + " interrupted while waiting to retry", e);
        }
    }

    private synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    private void failed(String operation, int attempts, BillingException e) {
        Instant now = clock.instant();
        int consecutive;
        synchronized (this) {
            consecutive = ++consecutiveFailures;
            lastFailure = operation + ": " + reason(e);
            lastFailureAt = now;
        }
        LOG.warn("plugin {}: {} failed after {} attempt(s) ({} consecutive failure(s)): {}", id, operation, attempts,
                consecutive, reason(e));
    }

    /** The message without the "plugin <id>: " prefix the guard's own log lines already carry. */
    private String reason(BillingException e) {
        String m = String.valueOf(e.getMessage());
        String prefix = "plugin " + id + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    String scrub(String message) {
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    /**
     * {@code e}, or, if its message (or a cause's) contains a secret, a {@link PluginException} of
     * the same transience with the secret masked and no cause.
     */
    private BillingException scrubbed(BillingException e) {
        if (secrets.isEmpty() || !leaks(e)) {
            return e;
        }
        String clean = scrub(reason(e));
        if (e instanceof TransientPluginException t) {
            return new TransientPluginException(id, clean, t.retryAfter().orElse(null), null);
        }
        return new PluginException(id, clean);
    }

    private boolean leaks(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (String secret : secrets) {
                if (m.contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized Snapshot snapshot() {
        return new Snapshot(consecutiveFailures, lastFailure, lastFailureAt);
    }

    private record Snapshot(int consecutive, @Nullable String lastFailure, @Nullable Instant lastFailureAt) {
    }
}
