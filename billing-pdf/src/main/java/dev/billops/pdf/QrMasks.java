package dev.billops.pdf;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Picks the data mask of a QR symbol the way zxing's encoder does (the lowest penalty of ISO/IEC
 * 18004 §8.8.2, the first of equals), from one symbol built with mask 0, and returns the symbol
 * with that mask.
 *
 * <p>zxing places the data bits eight times, once per mask, and scores each matrix through
 * two-dimensional arrays; that was about a third of the CPU time of rendering a one-page invoice.
 * Here the data bits are placed once (by zxing, with mask 0): every other mask differs from it
 * only in the data modules (XOR with the mask's pattern) and in the 15 format bits. The penalty
 * rules run on one {@code long} per row and column for symbols up to 64 modules wide, on flat
 * byte rows (the vertical rules on the transposed matrix) above that. Same symbol, module for
 * module, as {@code Encoder.encode(text, ecLevel)}: {@code QrMasksTest} checks every mask, the
 * penalty and the choice against zxing.
 *
 * <p>Safe from any thread: the only shared state is the per-version table of mask patterns,
 * bounded by the 40 versions and never written after publication.
 */
final class QrMasks {

    /** Penalty weights N1 to N4 of ISO/IEC 18004 §8.8.2 (Table 11). */
    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;
    private static final int MASKS = 8;
    /** Generator polynomial and XOR mask of the format information (ISO/IEC 18004 Annex C). */
    private static final int FORMAT_POLY = 0x537;
    private static final int FORMAT_XOR = 0x5412;
    /** {@link #dataMasks} by version number. */
    private static final AtomicReferenceArray<byte[][]> DATA_MASKS = new AtomicReferenceArray<>(41);

    private QrMasks() {
    }

    /**
     * The symbol of {@code maskZero} (which must have been built with mask pattern 0) under the
     * mask with the lowest penalty.
     */
    static ByteMatrix withLowestPenalty(QRCode maskZero) {
        if (maskZero.getMaskPattern() != 0) {
            throw new IllegalArgumentException("expected a symbol built with mask 0, not " + maskZero.getMaskPattern());
        }
        ByteMatrix zero = maskZero.getMatrix();
        int n = zero.getWidth();
        byte[][] masks = dataMasks(maskZero.getVersion(), n);
        byte[][] rows = zero.getArray();
        byte[] unmasked = new byte[n * n];
        byte[] maskZeroBits = masks[0];
        for (int y = 0; y < n; y++) {
            byte[] row = rows[y];
            int offset = y * n;
            for (int x = 0; x < n; x++) {
                unmasked[offset + x] = (byte) (row[x] ^ maskZeroBits[offset + x]);
            }
        }
        byte[] candidate = new byte[n * n];
        byte[] transposed = new byte[n * n];
        byte[] best = null;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < MASKS; mask++) {
            masked(unmasked, masks[mask], n, mask, maskZero.getECLevel(), candidate);
            int penalty = penalty(candidate, transposed, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                best = candidate.clone();
            }
        }
        ByteMatrix result = new ByteMatrix(n, n);
        byte[][] out = result.getArray();
        for (int y = 0; y < n; y++) {
            System.arraycopy(best, y * n, out[y], 0, n);
        }
        return result;
    }

    /**
     * For each mask pattern, the modules it inverts (1) in a symbol of this version: its pattern
     * on the data modules, 0 on every function module. Computed once per version and kept (at
     * most 40 entries, 8 × 177 × 177 bytes for the largest version); a race computes the same
     * arrays twice and keeps one, which is harmless as they are never written after publication.
     */
    static byte[][] dataMasks(Version version, int n) {
        int v = version.getVersionNumber();
        byte[][] masks = DATA_MASKS.get(v);
        if (masks == null) {
            boolean[] function = functionModules(version, n);
            masks = new byte[MASKS][n * n];
            for (int mask = 0; mask < MASKS; mask++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        int i = y * n + x;
                        masks[mask][i] = (byte) (function[i] ? 0 : maskBit(mask, x, y));
                    }
                }
            }
            DATA_MASKS.compareAndSet(v, null, masks);
            masks = DATA_MASKS.get(v);
        }
        return masks;
    }

    /** The whole symbol under a mask: data modules XOR the mask's modules, format bits for the mask. */
    static byte[] masked(byte[] unmasked, byte[] dataMask, int n, int mask, ErrorCorrectionLevel ecLevel,
            byte[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = (byte) (unmasked[i] ^ dataMask[i]);
        }
        int format = formatBits(ecLevel, mask);
        // bit i of the 15 format bits, least significant first: along row 8 and column 8 near the
        // top-left finder, and split between the top-right and bottom-left finders
        for (int i = 0; i < 15; i++) {
            byte bit = (byte) ((format >>> i) & 1);
            int x1;
            int y1;
            if (i < 6) {
                x1 = 8;
                y1 = i;
            } else if (i < 8) {
                x1 = 8;
                y1 = i + 1;
            } else if (i == 8) {
                x1 = 7;
                y1 = 8;
            } else {
                x1 = 14 - i;
                y1 = 8;
            }
            into[y1 * n + x1] = bit;
            if (i < 8) {
                into[8 * n + (n - 1 - i)] = bit;
            } else {
                into[(n - 7 + (i - 8)) * n + 8] = bit;
            }
        }
        return into;
    }

    /** 1 where mask pattern {@code mask} inverts the module in column x, row y (ISO/IEC 18004 Table 10). */
    static int maskBit(int mask, int x, int y) {
        int v;
        switch (mask) {
            case 0 -> v = (y + x) & 1;
            case 1 -> v = y & 1;
            case 2 -> v = x % 3;
            case 3 -> v = (y + x) % 3;
            case 4 -> v = ((y / 2) + (x / 3)) & 1;
            case 5 -> {
                int t = y * x;
                v = (t & 1) + (t % 3);
            }
            case 6 -> {
                int t = y * x;
                v = ((t & 1) + (t % 3)) & 1;
            }
            case 7 -> {
                int t = y * x;
                v = ((t % 3) + ((y + x) & 1)) & 1;
            }
            default -> throw new IllegalArgumentException("no mask pattern " + mask);
        }
        return v == 0 ? 1 : 0;
    }

    /** The 15 format bits: error correction level and mask, BCH(15,5) protected, XOR-masked. */
    static int formatBits(ErrorCorrectionLevel ecLevel, int mask) {
        int data = (ecLevel.getBits() << 3) | mask;
        int rem = data << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if (((rem >>> bit) & 1) != 0) {
                rem ^= FORMAT_POLY << (bit - 10);
            }
        }
        return ((data << 10) | rem) ^ FORMAT_XOR;
    }

    /**
     * Modules that are not data: finder patterns with their separators and the format areas, the
     * timing patterns, alignment patterns, the dark module and, from version 7, the version areas.
     */
    static boolean[] functionModules(Version version, int n) {
        boolean[] function = new boolean[n * n];
        fill(function, n, 0, 0, 9, 9);
        fill(function, n, n - 8, 0, 8, 9);
        fill(function, n, 0, n - 8, 9, 8);
        fill(function, n, 6, 0, 1, n);
        fill(function, n, 0, 6, n, 1);
        int[] centers = version.getAlignmentPatternCenters();
        int last = centers.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean onFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!onFinder) {
                    fill(function, n, centers[i] - 2, centers[j] - 2, 5, 5);
                }
            }
        }
        if (version.getVersionNumber() >= 7) {
            fill(function, n, n - 11, 0, 3, 6);
            fill(function, n, 0, n - 11, 6, 3);
        }
        return function;
    }

    private static void fill(boolean[] function, int n, int left, int top, int width, int height) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                function[y * n + x] = true;
            }
        }
    }

    /** The penalty score of ISO/IEC 18004 §8.8.2, as zxing computes it. */
    static int penalty(byte[] m, byte[] scratch, int n) {
        if (n <= Long.SIZE) {
            return penaltyOfBits(m, n);
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                scratch[x * n + y] = m[y * n + x];
            }
        }
        int blocks = 0;
        int dark = 0;
        for (int y = 0; y < n; y++) {
            int row = y * n;
            for (int x = 0; x < n; x++) {
                dark += m[row + x];
            }
            if (y < n - 1) {
                int below = row + n;
                for (int x = 0; x < n - 1; x++) {
                    byte v = m[row + x];
                    if (v == m[row + x + 1] && v == m[below + x] && v == m[below + x + 1]) {
                        blocks++;
                    }
                }
            }
        }
        int total = n * n;
        int fivePercentVariances = Math.abs(dark * 2 - total) * 10 / total;
        return lineRules(m, n) + lineRules(scratch, n) + N2 * blocks + N4 * fivePercentVariances;
    }

    /**
     * {@link #penalty} for symbols up to 64 modules wide (versions 1 to 11, every EPC payload of
     * up to about 200 bytes): each row and each column as one {@code long}, module x in bit x,
     * so that the rules become shifts, masks and bit counts.
     */
    private static int penaltyOfBits(byte[] m, int n) {
        long[] rows = new long[n];
        long[] columns = new long[n];
        for (int y = 0; y < n; y++) {
            int offset = y * n;
            long row = 0;
            for (int x = 0; x < n; x++) {
                long bit = m[offset + x];
                row |= bit << x;
                columns[x] |= bit << y;
            }
            rows[y] = row;
        }
        long all = n == Long.SIZE ? -1L : (1L << n) - 1;
        int dark = 0;
        int blocks = 0;
        long pairs = all >>> 1;
        for (int y = 0; y < n; y++) {
            long a = rows[y];
            dark += Long.bitCount(a);
            if (y < n - 1) {
                long b = rows[y + 1];
                blocks += Long.bitCount(~(a ^ (a >>> 1)) & ~(b ^ (b >>> 1)) & ~(a ^ b) & pairs);
            }
        }
        int total = n * n;
        int fivePercentVariances = Math.abs(dark * 2 - total) * 10 / total;
        return lineRulesOfBits(rows, n, all) + lineRulesOfBits(columns, n, all) + N2 * blocks
                + N4 * fivePercentVariances;
    }

    /** Rules 1 and 3 along lines of at most 64 modules, module x in bit x. */
    private static int lineRulesOfBits(long[] lines, int n, long all) {
        int penalty = 0;
        int finderLike = 0;
        // positions x where module x equals module x + 1
        long pairs = all >>> 1;
        // where 1011101 may start, where four modules before it fit, where four after it fit
        long patternStarts = n >= 7 ? all >>> 6 : 0;
        long roomBefore = all & ~0xFL;
        long roomAfter = n >= 11 ? all >>> 10 : 0;
        for (long a : lines) {
            long same = ~(a ^ (a >>> 1)) & pairs;
            // a run of L >= 5 equal modules is L - 4 starts of five equal modules in a row
            long fives = same & (same >>> 1) & (same >>> 2) & (same >>> 3);
            penalty += Long.bitCount(fives) + (N1 - 1) * Long.bitCount(fives & ~(fives << 1));
            long finder = a & ~(a >>> 1) & (a >>> 2) & (a >>> 3) & (a >>> 4) & ~(a >>> 5) & (a >>> 6) & patternStarts;
            long lightBefore = ~((a << 1) | (a << 2) | (a << 3) | (a << 4)) & roomBefore;
            long lightAfter = ~((a >>> 7) | (a >>> 8) | (a >>> 9) | (a >>> 10)) & roomAfter;
            finderLike += Long.bitCount(finder & (lightBefore | lightAfter));
        }
        return penalty + N3 * finderLike;
    }

    /**
     * Rules 1 (runs of five or more) and 3 (1:1:3:1:1 finder look-alikes with four light modules
     * on one side) along every row of {@code m}. A finder look-alike counts once even when both
     * sides are light; a side that reaches past the symbol's edge is not light (as in zxing 3.5).
     */
    private static int lineRules(byte[] m, int n) {
        int penalty = 0;
        int finderLike = 0;
        for (int y = 0; y < n; y++) {
            int row = y * n;
            int run = 0;
            int previous = -1;
            int window = 0;
            for (int x = 0; x < n; x++) {
                int v = m[row + x];
                if (v == previous) {
                    run++;
                } else {
                    if (run >= 5) {
                        penalty += N1 + run - 5;
                    }
                    run = 1;
                    previous = v;
                }
                // the last 11 modules, the newest in bit 0; 1011101 ends at x
                window = (window << 1 | v) & 0x7FF;
                if (x >= 6 && (window & 0x7F) == 0x5D) {
                    int start = x - 6;
                    boolean lightBefore = start >= 4 && (window & 0x780) == 0;
                    if (lightBefore || lightAfter(m, row, x + 1, n)) {
                        finderLike++;
                    }
                }
            }
            if (run >= 5) {
                penalty += N1 + run - 5;
            }
        }
        return penalty + N3 * finderLike;
    }

    /** Whether the four modules from {@code from} on are light and inside the symbol. */
    private static boolean lightAfter(byte[] m, int row, int from, int n) {
        if (from + 4 > n) {
            return false;
        }
        int i = row + from;
        return (m[i] | m[i + 1] | m[i + 2] | m[i + 3]) == 0;
    }
}
