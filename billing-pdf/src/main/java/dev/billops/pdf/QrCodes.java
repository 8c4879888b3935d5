package dev.billops.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
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

    /** The matrix drawn into a square {@code sizePt} wide, quiet zone included. */
    static Image image(PdfContentByte canvas, ByteMatrix matrix, float sizePt) {
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        float unit = sizePt / modules;
        PdfTemplate template = canvas.createTemplate(sizePt, sizePt);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < matrix.getWidth() && matrix.get(run, y) == 1) {
                    run++;
                }
                // one rectangle per horizontal run of dark modules; PDF y grows upwards. Each overlaps
                // the row below by a hair, so anti-aliasing viewers show no seams between rows.
                template.rectangle((QUIET_ZONE + x) * unit, sizePt - (QUIET_ZONE + y + 1) * unit - SEAM,
                        (run - x) * unit, unit + SEAM);
                x = run;
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException("cannot wrap a QR code template as an image", e);
        }
    }
}
