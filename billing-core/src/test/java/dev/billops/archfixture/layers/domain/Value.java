package dev.billops.archfixture.layers.domain;

import dev.billops.archfixture.layers.internal.Engine;

/** Fixture: a value that calls an engine (values must not depend on internals). */
public record Value(int n) {
    public Value twice() {
        return new Value(n * Engine.run() * 2);
    }
}
