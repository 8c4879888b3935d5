package dev.billops.integrations.caldav;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CalendarWriteBack} last wrote to each calendar resource: the ETag the server gave
 * the event and a digest of the event's content. The ETag is what makes write-back safe: an update
 * or delete is sent with {@code If-Match} of the recorded ETag, and a resource whose ETag differs
 * from the recorded one was changed on the server and is reported as a conflict, not overwritten.
 *
 * <p>The state lives beside the calendar, not in it: an ETag cannot be stored in the event it is
 * the tag of. If it is lost, events written earlier are reported as conflicts
 * ({@link WriteBackReport.Conflict.Kind#NOT_RECORDED}) until {@link CalendarWriteBack#overwrite}
 * resolves them; nothing is ever overwritten unchecked. Implementations must be thread-safe; a
 * host with several nodes implements it on its database (three methods, keyed by the resource URL).
 */
public interface WriteBackState {

    /**
     * What was written to one resource.
     *
     * @param etag the server's ETag of the event as written, with its quotes
     * @param digest the digest of the event's content as written (its DTSTAMP excepted)
     */
    record Written(String etag, String digest) {
        public Written {
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** What was last written to the resource {@code href} (its absolute URL), if anything. */
    Optional<Written> find(String href);

    /** Records what was just written to {@code href}. */
    void put(String href, Written written);

    /** Forgets {@code href} (its event was deleted). */
    void remove(String href);

    /** A state in memory, lost with the process: for tests and for hosts that re-sync from scratch. */
    static WriteBackState inMemory() {
        return new InMemoryWriteBackState();
    }

    /**
     * A state kept in {@code directory} (created if missing), one small file per resource, each
     * replaced atomically. For a single host process; several processes must not share it.
     */
    static WriteBackState inDirectory(Path directory) {
        return new DirectoryWriteBackState(directory);
    }
}
