package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StringWriter err = new StringWriter();

    @Test
    void update_withinTheFirstSecond_printsNothing() {
        Progress p = new Progress(new PrintWriter(err), now::get, false);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));

        p.update("logging time", 50, 100);
        p.finish();

        assertEquals("", err.toString());
        assertFalse(p.shown());
    }

    @Test
    void update_afterASecond_printsTheStepWithCountAndPercent() {
        Progress p = new Progress(new PrintWriter(err), now::get, false);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500));

        p.update("logging time", 50, 200);

        assertEquals("[  1s] logging time 50/200 (25%)" + System.lineSeparator(), err.toString());
    }

    @Test
    void update_manyQuickUpdatesOnATerminal_rewritesAtMostEveryQuarterSecondButAlwaysTheLast() {
        Progress p = new Progress(new PrintWriter(err), now::get, true);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        for (int i = 1; i <= 100; i++) {
            p.update("rendering PDFs", i, 100);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        }

        String[] shown = err.toString().substring(1).split("\r");
        assertTrue(shown.length >= 4 && shown.length <= 6, String.join("|", shown));
        assertEquals("[  2s] rendering PDFs 100/100 (100%)", shown[shown.length - 1].strip());
    }

    @Test
    void update_manyQuickUpdatesIntoALog_printsAtMostALineASecondButAlwaysTheLast() {
        Progress p = new Progress(new PrintWriter(err), now::get, false);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        for (int i = 1; i <= 300; i++) {
            p.update("logging time", i, 300);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        }

        String[] lines = err.toString().split(System.lineSeparator());
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("[  4s] logging time 300/300 (100%)", lines[3]);
    }

    @Test
    void finish_onATerminalTwice_endsTheRewrittenLineOnce() {
        Progress p = new Progress(new PrintWriter(err), now::get, true);
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));

        p.update("running the package billing");
        p.finish();
        p.finish();

        assertEquals("\r[  3s] running the package billing" + System.lineSeparator(), err.toString());
    }

    @Test
    void ticking_longCall_repeatsTheStepUntilClosed() throws InterruptedException {
        Progress p = new Progress(new PrintWriter(err), now::get, false);
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));

        Progress.Ticker ticker = p.ticking("package run for 2027-01-01");
        for (int i = 0; i < 200 && !p.shown(); i++) {
            Thread.sleep(10);
        }
        ticker.close();
        String printed = err.toString();
        Thread.sleep(300);

        assertTrue(printed.startsWith("[  5s] package run for 2027-01-01"), printed);
        assertEquals(printed, err.toString(), "nothing printed after close");
    }
}
