package dev.billops.archfixture.internal.intruder;

import dev.billops.archfixture.internal.owner.internal.Secret;

/** Fixture: another package reaching into owner's internals, which the rule forbids. */
public class Intruder {
    public int steal() {
        return new Secret().value();
    }
}
