package dev.billops.archfixture.internal.owner.internal;

/** Fixture: implementation detail of package {@code owner}. */
public class Secret {
    public int value() {
        return 42;
    }
}
