package dev.billops.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of every write of the running transaction, newest last. Rolling back to a mark
 * replays the inverses after it in reverse order, which restores the state at the mark exactly.
 * Guarded by the store's lock; not thread-safe on its own.
 */
final class UndoLog {

    private final List<Runnable> inverses = new ArrayList<>();

    void record(Runnable inverse) {
        inverses.add(inverse);
    }

    int mark() {
        return inverses.size();
    }

    void rollbackTo(int mark) {
        for (int i = inverses.size() - 1; i >= mark; i--) {
            inverses.remove(i).run();
        }
    }

    void clear() {
        inverses.clear();
    }
}
