package dev.billops.archfixture.exported.api;

import dev.billops.archfixture.exported.internal.Hidden;
import java.util.List;

/** Fixture: an exported type whose public method names an internal type (inside a generic). */
public final class Leaky {
    public List<Hidden> hidden() {
        return List.of();
    }
}
