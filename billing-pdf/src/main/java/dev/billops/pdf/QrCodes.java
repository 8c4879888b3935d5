package dev.billops.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Draws QR codes as vector graphics: crisp at any zoom and a few hundred bytes each. */
final class QrCodes {

    /** Light modules around the symbol, as the QR specification requires. */
    private static final int QUIET_ZONE = 4;
    private static final float SEAM = 0.02f;
    /** zxing builds the symbol with mask 0 only; {@link QrMasks} picks the mask zxing would pick. */
    private static final Map<EncodeHintType, Object> MASK_ZERO = Map.of(EncodeHintType.QR_MASK_PATTERN, 0);

    private QrCodes() {
    }

    /** The module matrix of an EPC payload: error correction M (as EPC069-12 demands), byte mode. */
    static ByteMatrix encode(EpcQrPayload payload) {
        // The payload declares UTF-8 (character set 1). zxing would add an ECI header for a UTF-8
        // hint, which some banking apps reject; handing it the UTF-8 bytes as ISO-8859-1
        // characters makes it write exactly those bytes in byte mode, without ECI.
        String bytesAsLatin1 = new String(payload.text().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        try {
            QRCode maskZero = Encoder.encode(bytesAsLatin1, ErrorCorrectionLevel.M, MASK_ZERO);
            return QrMasks.withLowestPenalty(maskZero);
        } catch (WriterException e) {
            // the payload is at most 331 bytes, far below the capacity of a version 40 symbol
            throw new IllegalStateException("cannot encode an EPC payload of "
                    + payload.text().length() + " characters as a QR code", e);
        }
    }

    /**
     * The matrix drawn into a square {@code sizePt} wide, quiet zone included: one rectangle per
     * horizontal run of dark modules. The path is written as one literal whose numbers are
     * formatted once per grid line and run length (OpenPDF's own number format, so the bytes are
     * those of {@code rectangle(x, y, w, h)} per run) rather than four times per rectangle.
     */
    static Image image(PdfContentByte canvas, ByteMatrix matrix, float sizePt) {
        int width = matrix.getWidth();
        int modules = width + 2 * QUIET_ZONE;
        float unit = sizePt / modules;
        PdfTemplate template = canvas.createTemplate(sizePt, sizePt);
        template.setColorFill(Color.BLACK);
        String[] lefts = new String[width];
        String[] runWidths = new String[width + 1];
        String height = ByteBuffer.formatDouble(unit + SEAM);
        StringBuilder path = new StringBuilder(64 * width);
        for (int y = 0; y < matrix.getHeight(); y++) {
            // PDF y grows upwards. Each rectangle overlaps the row below by a hair, so
            // anti-aliasing viewers show no seams between rows.
            String bottom = null;
            int x = 0;
            while (x < width) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < width && matrix.get(run, y) == 1) {
                    run++;
                }
                if (bottom == null) {
                    bottom = ByteBuffer.formatDouble(sizePt - (QUIET_ZONE + y + 1) * unit - SEAM);
                }
                if (lefts[x] == null) {
                    lefts[x] = ByteBuffer.formatDouble((QUIET_ZONE + x) * unit);
                }
                int length = run - x;
                if (runWidths[length] == null) {
                    runWidths[length] = ByteBuffer.formatDouble(length * unit);
                }
                path.append(lefts[x]).append(' ').append(bottom).append(' ').append(runWidths[length]).append(' ')
                        .append(height).append(" re\n");
                x = run;
            }
        }
        template.setLiteral(path.toString());
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException("cannot wrap a QR code template as an image", e);
        }
    }
}
