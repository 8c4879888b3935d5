package dev.billops.archfixture.facade;

/** Fixture: a facade type a host can construct itself. */
public final class Workflow {
    public Workflow() {
    }
}
