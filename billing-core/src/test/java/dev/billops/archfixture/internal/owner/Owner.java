package dev.billops.archfixture.internal.owner;

import dev.billops.archfixture.internal.owner.internal.Secret;

/** Fixture: the owner may use its own internal package. */
public class Owner {
    public int value() {
        return new Secret().value();
    }
}
