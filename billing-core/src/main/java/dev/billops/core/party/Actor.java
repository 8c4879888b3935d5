package dev.billops.core.party;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import java.util.Objects;

/**
 * Who performs an operation: the "who" of the audit log.
 *
 * @param kind {@code "user"}, {@code "system"} or {@code "plugin"}
 * @param name the user's login, the job's name or the plugin id
 */
public record Actor(String kind, String name) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Text.require("actor kind", kind, 32);
        Text.require("actor name", name, 1000);
        if (name.isBlank()) {
            throw new InvalidInputException("actor name is blank");
        }
    }

    public static Actor user(String login) {
        return new Actor("user", login);
    }

    public static Actor system(String job) {
        return new Actor("system", job);
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
