package dev.billops.spi;

import java.util.Objects;

/**
 * A configuration value that must never appear in logs or {@code toString} output: tokens,
 * passwords, webhook URLs. Only {@link #reveal()} gives the value.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The value itself; call it only where it is used, never to print it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
