package org.importdesk.engine.inference;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The paper's Figure 1: per confidence bin, the mean confidence (transparent red) and the accuracy (transparent blue);
 * red showing above blue means over-confidence. Left panel before temperature scaling, right panel after.
 */
public final class ReliabilityDiagram {

    private static final int PANEL = 420;
    private static final int MARGIN = 50;

    private ReliabilityDiagram() {
    }

    /** A panel: its title and the bins, ECE and NLL it shows. */
    public record Panel(String title, List<Calibration.Bin> bins, double ece, double nll) {
    }

    public static Panel panel(String title, List<float[]> logits, int[] labels, double temperature) {
        return new Panel(title, Calibration.reliabilityBins(logits, labels, temperature, Calibration.DEFAULT_BINS),
                Calibration.expectedCalibrationError(logits, labels, temperature, Calibration.DEFAULT_BINS),
                Calibration.negativeLogLikelihood(logits, labels, temperature));
    }

    public static BufferedImage draw(String heading, Panel before, Panel after) {
        int width = 2 * (PANEL + 2 * MARGIN);
        int height = PANEL + 2 * MARGIN + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(heading, MARGIN, 24);
            drawPanel(g, before, 0, 40);
            drawPanel(g, after, PANEL + 2 * MARGIN, 40);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(Path png, String heading, Panel before, Panel after) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(draw(heading, before, after), "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    private static void drawPanel(Graphics2D g, Panel panel, int x0, int y0) {
        int left = x0 + MARGIN;
        int top = y0 + MARGIN;
        int bottom = top + PANEL;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), left, top - 28);
        g.drawString(String.format(Locale.ROOT, "ECE %.4f   NLL %.4f", panel.ece(), panel.nll()), left, top - 10);
        int n = panel.bins().size();
        double barWidth = (double) PANEL / n;
        for (int i = 0; i < n; i++) {
            Calibration.Bin bin = panel.bins().get(i);
            if (bin.count() == 0) {
                continue;
            }
            int bx = left + (int) Math.round(i * barWidth);
            int bw = (int) Math.round(barWidth) - 1;
            int confidenceHeight = (int) Math.round(bin.meanConfidence() * PANEL);
            int accuracyHeight = (int) Math.round(bin.accuracy() * PANEL);
            g.setColor(new Color(0, 60, 255, 110));
            g.fillRect(bx, bottom - accuracyHeight, bw, accuracyHeight);
            g.setColor(new Color(255, 0, 0, 110));
            g.fillRect(bx, bottom - confidenceHeight, bw, confidenceHeight);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{4, 4}, 0));
        g.drawLine(left, bottom, left + PANEL, top);
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawRect(left, top, PANEL, PANEL);
        for (int t = 0; t <= 10; t += 2) {
            int px = left + t * PANEL / 10;
            int py = bottom - t * PANEL / 10;
            String label = String.format(Locale.ROOT, "%.1f", t / 10.0);
            g.drawLine(px, bottom, px, bottom + 4);
            g.drawString(label, px - 9, bottom + 18);
            g.drawLine(left - 4, py, left, py);
            g.drawString(label, left - 30, py + 5);
        }
        g.drawString("confidence", left + PANEL / 2 - 30, bottom + 36);
        g.setColor(new Color(255, 0, 0, 160));
        g.fillRect(left + 8, top + 8, 12, 12);
        g.setColor(new Color(0, 60, 255, 160));
        g.fillRect(left + 8, top + 26, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("mean confidence", left + 26, top + 19);
        g.drawString("accuracy", left + 26, top + 37);
    }
}
