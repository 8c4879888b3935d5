package dev.billops.testkit.property;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Random numbers with edge-case bias, and the shrink sequences toward a target, for {@link Gen}. */
final class Numbers {

    /** How often (in percent) a number generator returns one of its edge cases instead of a uniform value. */
    static final int EDGE_CASE_PERCENT = 10;

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger LONG_MASK = BigInteger.ONE.shiftLeft(Long.SIZE).subtract(BigInteger.ONE);

    private Numbers() {
    }

    /**
     * Longs in {@code [min, max]}: an edge case about one time in ten, otherwise uniform.
     *
     * @throws IllegalArgumentException if {@code min > max}
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
        BigInteger low = BigInteger.valueOf(min);
        BigInteger high = BigInteger.valueOf(max);
        return random -> random.nextInt(100) < EDGE_CASE_PERCENT
                ? pickEdgeCase(random, low, high, BigInteger.ONE).longValueExact()
                : uniform(random, min, max);
    }

    /** A uniform value in {@code [min, max]}, both included. */
    static long uniform(RandomGenerator random, long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
        }
        return random.nextLong(min, max + 1);
    }

    /** A uniform value in {@code [min, max]}, both included. */
    static BigInteger uniform(RandomGenerator random, BigInteger min, BigInteger max) {
        BigInteger size = max.subtract(min).add(BigInteger.ONE);
        if (size.bitLength() < Long.SIZE - 1) {
            return min.add(BigInteger.valueOf(random.nextLong(size.longValueExact())));
        }
        int bits = size.bitLength();
        while (true) {
            BigInteger candidate = BigInteger.ZERO;
            for (int filled = 0; filled < bits; filled += Long.SIZE) {
                candidate = candidate.shiftLeft(Long.SIZE).or(BigInteger.valueOf(random.nextLong()).and(LONG_MASK));
            }
            candidate = candidate.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            if (candidate.compareTo(size) < 0) {
                return min.add(candidate);
            }
        }
    }

    /** The edge cases of {@code [min, max]}: min, max, 0, 1 and -1 where they lie in the range. */
    static List<BigInteger> edgeCases(BigInteger min, BigInteger max, BigInteger one) {
        List<BigInteger> edges = new ArrayList<>();
        for (BigInteger edge : List.of(min, max, BigInteger.ZERO, one, one.negate())) {
            if (edge.compareTo(min) >= 0 && edge.compareTo(max) <= 0 && !edges.contains(edge)) {
                edges.add(edge);
            }
        }
        return edges;
    }

    /** A value in {@code [min, max]}: an edge case about one time in ten, otherwise uniform. */
    static BigInteger biased(RandomGenerator random, BigInteger min, BigInteger max, BigInteger one) {
        if (random.nextInt(100) < EDGE_CASE_PERCENT) {
            return pickEdgeCase(random, min, max, one);
        }
        return uniform(random, min, max);
    }

    private static BigInteger pickEdgeCase(RandomGenerator random, BigInteger min, BigInteger max, BigInteger one) {
        List<BigInteger> edges = edgeCases(min, max, one);
        return edges.get(random.nextInt(edges.size()));
    }

    /** The value of {@code [min, max]} that shrinking aims for: zero if in range, else the bound nearest zero. */
    static BigInteger shrinkTarget(BigInteger min, BigInteger max) {
        if (min.signum() > 0) {
            return min;
        }
        if (max.signum() < 0) {
            return max;
        }
        return BigInteger.ZERO;
    }

    /**
     * Candidates strictly between {@code target} (included) and {@code value} (excluded), most
     * aggressive first: the target, then halfway, three quarters of the way, and so on up to one
     * step from the value. Empty if the value is the target. Every candidate is closer to the
     * target than the value is, so repeated shrinking terminates.
     */
    static Stream<BigInteger> towards(BigInteger value, BigInteger target) {
        BigInteger distance = value.subtract(target);
        if (distance.signum() == 0) {
            return Stream.empty();
        }
        return Stream.iterate(distance, d -> d.signum() != 0, d -> d.divide(TWO)).map(value::subtract);
    }
}
