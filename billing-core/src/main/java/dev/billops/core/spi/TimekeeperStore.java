package dev.billops.core.spi;

import dev.billops.core.party.Timekeeper;
import dev.billops.core.id.TimekeeperId;
import java.util.List;
import java.util.Optional;

/** Port: timekeepers of the session tenant. {@code insert} rejects a known id with {@code DuplicateKeyException}. */
public interface TimekeeperStore {

    void insert(Timekeeper timekeeper);

    void update(Timekeeper timekeeper);

    Optional<Timekeeper> find(TimekeeperId id);

    /** All timekeepers ordered by id. */
    List<Timekeeper> list();
}
