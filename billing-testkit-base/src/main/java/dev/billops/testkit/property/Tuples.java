package dev.billops.testkit.property;

/** The argument tuples of multi-argument properties; their text is what a failure report shows. */
final class Tuples {

    private Tuples() {
    }

    record Pair<A, B>(A first, B second) {
        @Override
        public String toString() {
            return "(" + Values.describe(first) + ", " + Values.describe(second) + ")";
        }
    }

    record Triple<A, B, C>(A first, B second, C third) {
        @Override
        public String toString() {
            return "(" + Values.describe(first) + ", " + Values.describe(second) + ", " + Values.describe(third) + ")";
        }
    }
}
