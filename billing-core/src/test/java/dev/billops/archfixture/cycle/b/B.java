package dev.billops.archfixture.cycle.b;

import dev.billops.archfixture.cycle.a.A;

/** Fixture: the other half of the cycle. */
public class B {
    public A partner() {
        return new A();
    }
}
