package dev.billops.archfixture.layers.internal;

/** Fixture: an engine. */
public final class Engine {
    public static int run() {
        return 1;
    }
}
