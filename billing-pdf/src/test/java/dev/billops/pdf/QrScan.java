package dev.billops.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Finds the QR code on a rendered PDF page the way a phone would: from pixels. */
final class QrScan {

    private QrScan() {
    }

    /**
     * The code's bytes as UTF-8 (the EPC payload declares UTF-8 and carries no ECI header), read
     * from the page rendered at 150 dpi, or at 200 or 300 dpi when zxing's reader fails on that
     * raster (a module of 3.5 pixels sometimes fails its Reed-Solomon check; a phone camera sees
     * the code at other scales).
     */
    static String firstCode(byte[] pdf, int pageIndex) throws Exception {
        Exception last = null;
        for (int dpi : new int[] {150, 200, 300}) {
            try {
                return firstCode(pdf, pageIndex, dpi);
            } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String firstCode(byte[] pdf, int pageIndex, int dpi) throws Exception {
        BufferedImage image;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi);
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        @SuppressWarnings("unchecked")
        List<byte[]> segments = (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        if (segments == null) {
            return result.getText();
        }
        StringBuilder sb = new StringBuilder();
        for (byte[] segment : segments) {
            sb.append(new String(segment, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
