package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link QrMasks} must give the very symbol zxing's own mask choice gives: same mask, same modules,
 * for every size of symbol, so that the faster choice changes nothing on paper.
 */
class QrMasksTest {

    private static final String IBAN = "DE89370400440532013000";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-/&'"
            + "äöüßéèçñøåÆŒ–Ж€";

    /** Latin-1 texts of 1 to 1,200 characters: symbols of version 1 up to the thirties. */
    private static final Gen<String> TEXTS = Gen.compose(d -> {
        int length = d.draw(Gen.ints(1, 1_200));
        long seed = d.draw(Gen.longs(0, Long.MAX_VALUE));
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(256));
        }
        return sb.toString();
    });

    private static final Gen<String> WORDS = Gen.compose(d -> {
        int length = d.draw(Gen.ints(1, 60));
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(d.draw(Gen.ints(0, ALPHABET.length() - 1))));
        }
        String text = sb.toString().strip();
        return text.isEmpty() ? "X" : text;
    });

    private static final Gen<EpcQrPayload> PAYLOADS = Gen.compose(d -> EpcQrPayload.of(
            d.draw(WORDS),
            d.draw(Gen.oneOf(IBAN, "FR1420041010050500013M02606", "GB82WEST12345698765432")),
            d.nextBoolean() ? null : d.draw(Gen.oneOf(List.of("COBADEFFXXX", "BNPAFRPP"))),
            Money.of("EUR", d.draw(Gen.bigDecimals(new BigDecimal("0.01"), new BigDecimal("999999999.99"), 2))
                    .toPlainString()),
            remittance(d.draw(WORDS) + " " + d.draw(WORDS) + " " + d.draw(WORDS))));

    /** EPC069-12 allows 140 characters of unstructured remittance. */
    private static String remittance(String words) {
        return words.substring(0, Math.min(words.length(), 140)).strip();
    }

    @Test
    void withLowestPenalty_anyText_isTheSymbolZxingChooses() {
        Property.forAll(TEXTS)
                .tries(150)
                .label("version", t -> version(t) < 7 ? "1-6" : version(t) < 14 ? "7-13" : "14+")
                .verify(text -> {
                    QRCode zero = Encoder.encode(text, ErrorCorrectionLevel.M,
                            Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
                    assertSameModules(Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix(),
                            QrMasks.withLowestPenalty(zero));
                });
    }

    @Test
    void masked_everyMask_isZxingsSymbolWithThatMask() {
        Property.forAll(TEXTS).tries(40).verify(text -> {
            QRCode zero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
            int n = zero.getMatrix().getWidth();
            byte[][] masks = QrMasks.dataMasks(zero.getVersion(), n);
            byte[] unmasked = flat(zero.getMatrix());
            for (int i = 0; i < unmasked.length; i++) {
                unmasked[i] ^= masks[0][i];
            }
            for (int mask = 0; mask < 8; mask++) {
                ByteMatrix expected = Encoder.encode(text, ErrorCorrectionLevel.M,
                        Map.of(EncodeHintType.QR_MASK_PATTERN, mask)).getMatrix();
                byte[] actual = QrMasks.masked(unmasked, masks[mask], n, mask, ErrorCorrectionLevel.M, new byte[n * n]);
                assertArrayEquals(flat(expected), actual, "mask " + mask + ", version " + zero.getVersion());
            }
        });
    }

    @Test
    void encode_anyEpcPayload_isTheSymbolZxingChooses() {
        Property.forAll(PAYLOADS).tries(100).verify(payload -> {
            String latin1 = new String(payload.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertSameModules(Encoder.encode(latin1, ErrorCorrectionLevel.M).getMatrix(), QrCodes.encode(payload));
        });
    }

    /**
     * The penalty on any matrix, not only on QR symbols, equals the sum of zxing's four rules
     * (package-private in zxing, so called reflectively): finder look-alikes at the edges, runs
     * across the whole width, checkerboards and solid blocks included.
     */
    @Test
    void penalty_anyMatrix_equalsZxingsRules() throws ReflectiveOperationException {
        Class<?> maskUtil = Class.forName("com.google.zxing.qrcode.encoder.MaskUtil");
        Method[] rules = new Method[4];
        for (int r = 0; r < 4; r++) {
            rules[r] = maskUtil.getDeclaredMethod("applyMaskPenaltyRule" + (r + 1), ByteMatrix.class);
            rules[r].setAccessible(true);
        }
        Gen<byte[]> matrices = Gen.compose(d -> {
            int n = d.draw(Gen.choose(Gen.ints(7, 64), Gen.ints(60, 100)));
            int darkPercent = d.draw(Gen.ints(0, 100));
            java.util.SplittableRandom random = new java.util.SplittableRandom(d.draw(Gen.longs(0, Long.MAX_VALUE)));
            byte[] m = new byte[n * n];
            for (int i = 0; i < m.length; i++) {
                m[i] = (byte) (random.nextInt(100) < darkPercent ? 1 : 0);
            }
            return m;
        });
        Property.forAll(matrices).tries(400)
                .label("width", m -> m.length <= 64 * 64 ? "up to 64 (one long per line)" : "over 64")
                .verify(m -> {
            int n = (int) Math.round(Math.sqrt(m.length));
            ByteMatrix matrix = new ByteMatrix(n, n);
            for (int y = 0; y < n; y++) {
                System.arraycopy(m, y * n, matrix.getArray()[y], 0, n);
            }
            int expected = 0;
            for (Method rule : rules) {
                expected += (int) rule.invoke(null, matrix);
            }
            assertEquals(expected, QrMasks.penalty(m, new byte[m.length], n));
        });
    }

    @Test
    void withLowestPenalty_symbolWithOtherMask_throws() throws WriterException {
        QRCode three = Encoder.encode("RE-2026-0042", ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QrMasks.withLowestPenalty(three));
        assertEquals("expected a symbol built with mask 0, not 3", e.getMessage());
    }

    private static int version(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameModules(ByteMatrix expected, ByteMatrix actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertArrayEquals(flat(expected), flat(actual));
    }

    private static byte[] flat(ByteMatrix m) {
        int n = m.getWidth();
        byte[] flat = new byte[n * n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(m.getArray()[y], 0, flat, y * n, n);
        }
        return flat;
    }
}
