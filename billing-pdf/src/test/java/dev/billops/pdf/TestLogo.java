package dev.billops.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A generated PNG logo with transparency: shapes only, so no system font is needed. */
final class TestLogo {

    private TestLogo() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(480, 140, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x7A, 0x1F, 0x5C));
        g.fillRoundRect(0, 10, 120, 120, 28, 28);
        g.setColor(Color.WHITE);
        g.fillOval(30, 40, 60, 60);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.fillRoundRect(150, 30, 300, 34, 10, 10);
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.fillRoundRect(150, 80, 220, 24, 10, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
