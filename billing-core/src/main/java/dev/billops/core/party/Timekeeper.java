package dev.billops.core.party;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.TimekeeperId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person who logs time.
 *
 * @param id timekeeper id
 * @param name display name
 * @param email e-mail, or null
 * @param active inactive timekeepers cannot log new time
 */
public record Timekeeper(TimekeeperId id, String name, @Nullable String email, boolean active) {

    public Timekeeper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Text.require("timekeeper name", name, 1000);
        Text.optional("timekeeper e-mail", email, 320);
        if (name.isBlank()) {
            throw new InvalidInputException("timekeeper " + id + ": name is blank");
        }
    }

    /** A new active timekeeper (fresh id) without e-mail. */
    public static Timekeeper of(String name) {
        return of(TimekeeperId.generate(), name);
    }

    /** An active timekeeper without e-mail. */
    public static Timekeeper of(TimekeeperId id, String name) {
        return new Timekeeper(id, name, null, true);
    }
}
