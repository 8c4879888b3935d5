package dev.billops.core.time;

/** Which way a {@link DurationRounding} moves a duration that is not on its increment grid. */
public enum RoundingDirection {
    /** To the next multiple of the increment ("every started quarter hour is billed"). */
    UP,
    /** To the previous multiple of the increment. */
    DOWN,
    /**
     * To the nearest multiple of the increment; an exact half goes <em>up</em> (7m30s on a 15-minute
     * grid becomes 15 minutes), the usual commercial rule and the one customers expect.
     */
    NEAREST
}
