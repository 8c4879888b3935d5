package dev.billops.einvoice.validation;

/** The seed of a property run: {@code -Dbillops.seed=N} replays one, otherwise a fresh one, always printed. */
final class Seeds {

    private Seeds() {
    }

    static long seed(String property) {
        String given = System.getProperty("billops.seed");
        long seed = given == null || given.isBlank() || given.startsWith("$") ? System.nanoTime() : Long.parseLong(given);
        System.out.println(property + ": seed " + seed + " (replay with -Dbillops.seed=" + seed + ")");
        return seed;
    }
}
