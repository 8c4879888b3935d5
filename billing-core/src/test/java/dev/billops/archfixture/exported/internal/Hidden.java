package dev.billops.archfixture.exported.internal;

/** Fixture: an implementation type. */
public final class Hidden {
}
