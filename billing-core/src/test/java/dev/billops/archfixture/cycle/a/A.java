package dev.billops.archfixture.cycle.a;

import dev.billops.archfixture.cycle.b.B;

/** Fixture: half of a package cycle a → b → a. */
public class A {
    public B partner() {
        return new B();
    }
}
