package dev.billops.core.memory;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Rows of one kind keyed and ordered by id, with every write undoable. Subclasses keep secondary
 * indexes in step by overriding {@link #indexed} and {@link #unindexed}.
 *
 * @param <K> the id type
 * @param <V> the row type (an immutable record)
 */
class Table<K extends Comparable<? super K>, V> {

    private final Map<K, V> rows;
    private final Function<V, K> idOf;
    private final UndoLog undo;

    /** A table whose listings are in id order. */
    Table(Function<V, K> idOf, UndoLog undo) {
        this(idOf, undo, new TreeMap<>());
    }

    /**
     * A table over {@code rows}: a {@link TreeMap} lists in id order; a hash map is faster for
     * a table whose ordered access goes through an index of its own.
     */
    Table(Function<V, K> idOf, UndoLog undo, Map<K, V> rows) {
        this.idOf = idOf;
        this.undo = undo;
        this.rows = rows;
    }

    final Optional<V> find(K id) {
        return Optional.ofNullable(rows.get(id));
    }

    final @Nullable V get(K id) {
        return rows.get(id);
    }

    final boolean contains(K id) {
        return rows.containsKey(id);
    }

    /** Inserts or replaces the row with {@code row}'s id. */
    final void put(V row) {
        K id = idOf.apply(row);
        V before = rows.get(id);
        undo.record(() -> write(id, before));
        write(id, row);
    }

    final void remove(K id) {
        V before = rows.get(id);
        if (before != null) {
            undo.record(() -> write(id, before));
            write(id, null);
        }
    }

    /** All rows (in id order if the table is ordered), as a new list. */
    final List<V> list() {
        return new ArrayList<>(rows.values());
    }

    /** Matching rows (in id order if the table is ordered), as a new list. */
    final List<V> list(Predicate<? super V> filter) {
        List<V> out = new ArrayList<>();
        for (V v : rows.values()) {
            if (filter.test(v)) {
                out.add(v);
            }
        }
        return out;
    }

    final Iterable<V> values() {
        return rows.values();
    }

    final int size() {
        return rows.size();
    }

    /** Hook: {@code row} was just stored. */
    void indexed(V row) {
    }

    /** Hook: {@code row} was just replaced or removed. */
    void unindexed(V row) {
    }

    private void write(K id, @Nullable V row) {
        V old = row == null ? rows.remove(id) : rows.put(id, row);
        if (old != null) {
            unindexed(old);
        }
        if (row != null) {
            indexed(row);
        }
    }

    /** The stored row, or {@link NotFoundException} naming {@code kind} and the id. */
    final V require(K id, String kind) {
        V row = rows.get(id);
        if (row == null) {
            throw new NotFoundException(kind, id.toString());
        }
        return row;
    }

    /** Throws {@link DuplicateKeyException} if a row with {@code id} exists. */
    final void requireAbsent(K id, String kind) {
        if (rows.containsKey(id)) {
            throw new DuplicateKeyException(kind, id.toString());
        }
    }

    /** Throws {@link ConcurrentUpdateException} unless the caller's version is the stored one. */
    static void requireVersion(String kind, Object id, long stored, long given) {
        if (stored != given) {
            throw new ConcurrentUpdateException(kind, id.toString(), given);
        }
    }
}
