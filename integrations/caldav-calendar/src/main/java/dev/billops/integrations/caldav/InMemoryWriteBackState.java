package dev.billops.integrations.caldav;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link WriteBackState} in a concurrent map. */
final class InMemoryWriteBackState implements WriteBackState {

    private final Map<String, Written> written = new ConcurrentHashMap<>();

    @Override
    public Optional<Written> find(String href) {
        return Optional.ofNullable(written.get(Objects.requireNonNull(href, "href")));
    }

    @Override
    public void put(String href, Written w) {
        written.put(Objects.requireNonNull(href, "href"), Objects.requireNonNull(w, "written"));
    }

    @Override
    public void remove(String href) {
        written.remove(Objects.requireNonNull(href, "href"));
    }

    @Override
    public String toString() {
        return "WriteBackState.inMemory[" + written.size() + " resources]";
    }
}
