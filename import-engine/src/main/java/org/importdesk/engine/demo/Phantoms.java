package org.importdesk.engine.demo;

import java.util.Random;

/**
 * Synthetic but anatomically plausible images for the demo medium: a CT head volume in Hounsfield units, MR lumbar
 * spine slices, chest radiographs and an upper-abdomen ultrasound. Deterministic for a given seed.
 */
final class Phantoms {

    private Phantoms() {
    }

    /** Axial CT slice of a head, {@code z} in [0,1] from skull base to vertex; values in HU. */
    static short[] ctHead(int size, double z, Random noise) {
        short[] hu = new short[size * size];
        double c = size / 2.0;
        // the head is an ellipsoid; the cross-section shrinks toward the vertex and, less, toward the skull base
        double zc = (z - 0.42) / 0.62;
        double scale = Math.sqrt(Math.max(0, 1 - zc * zc));
        double ax = size * 0.36 * scale, ay = size * 0.44 * scale;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - c) / ax, dy = (y - c - size * 0.01) / ay;
                double r = Math.sqrt(dx * dx + dy * dy);
                double v;
                if (ax < 1 || r > 1.0) {
                    v = -1000; // air
                } else if (r > 0.965) {
                    v = 30; // scalp
                } else if (r > 0.90) {
                    double diploe = Math.abs(r - 0.932) < 0.012 ? 650 : 1350;
                    v = diploe; // skull: outer and inner table, diploe between
                } else if (r > 0.885) {
                    v = 8; // subarachnoid CSF
                } else {
                    v = brain(dx, dy, r, z);
                }
                hu[y * size + x] = (short) Math.round(v + noise.nextGaussian() * (v > -900 ? 4 : 2));
            }
        }
        if (z < 0.3) {
            addSkullBase(hu, size, z);
        }
        return hu;
    }

    private static double brain(double dx, double dy, double r, double z) {
        double v = r > 0.78 ? 40 : 30; // cortex grey, white matter inside
        // sulci: faint dark lines near the surface
        double ang = Math.atan2(dy, dx);
        if (r > 0.8 && Math.abs(Math.sin(ang * 23 + r * 9)) < 0.08) {
            v = 12;
        }
        // falx cerebri and interhemispheric fissure
        if (Math.abs(dx) < 0.012 && Math.abs(dy) > 0.15) {
            v = 60;
        } else if (Math.abs(dx) < 0.03 && Math.abs(dy) > 0.15) {
            v = 10;
        }
        // lateral ventricles (butterfly) in the middle slices, third ventricle below
        if (z > 0.38 && z < 0.66) {
            double k = 1 - Math.abs(z - 0.52) / 0.14;
            for (int side = -1; side <= 1; side += 2) {
                double vx = (dx - side * 0.11) / (0.07 * k + 0.02), vy = (dy + 0.05) / (0.38 * k + 0.05);
                if (vx * vx + vy * vy < 1 && Math.abs(dx) > 0.025) {
                    v = 6;
                }
            }
        } else if (z > 0.30 && z <= 0.38 && Math.abs(dx) < 0.02 && Math.abs(dy) < 0.12) {
            v = 6;
        }
        // basal ganglia: a little brighter than white matter
        if (z > 0.36 && z < 0.5) {
            for (int side = -1; side <= 1; side += 2) {
                double bx = (dx - side * 0.24) / 0.09, by = (dy + 0.02) / 0.16;
                if (bx * bx + by * by < 1) {
                    v = 38;
                }
            }
        }
        return v;
    }

    private static void addSkullBase(short[] hu, int size, double z) {
        // petrous bones and the clivus: dense bone toward the skull base
        double c = size / 2.0;
        double strength = (0.3 - z) / 0.3;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - c) / size, dy = (y - c) / size;
                boolean petrous = Math.abs(Math.abs(dx) - 0.16 + dy * 0.6) < 0.025 * strength + 0.01 && dy > -0.05 && dy < 0.12;
                boolean clivus = Math.abs(dx) < 0.03 && dy > -0.02 && dy < 0.1;
                if ((petrous || clivus) && hu[y * size + x] > -500) {
                    hu[y * size + x] = (short) (1100 + 200 * strength);
                }
            }
        }
    }

    /** Sagittal T2 MR of the lumbar spine; {@code lateral} in [-1,1] across the slices, 0 is the midline. */
    static short[] mrSpineSagittal(int size, double lateral, boolean t1, Random noise) {
        short[] px = new short[size * size];
        double mid = 1 - Math.min(1, Math.abs(lateral));
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = x / (double) size, w = y / (double) size; // u anterior -> posterior, w cranial -> caudal
                double lordosis = 0.04 * Math.sin((w - 0.1) * Math.PI); // the spine bows forward
                double front = 0.40 - lordosis;
                double v;
                if (u < 0.12 || u > 0.93) {
                    v = 0; // air
                } else if (u < 0.16 || u > 0.88) {
                    v = t1 ? 820 : 640; // subcutaneous fat
                } else if (u < front - 0.02) {
                    v = t1 ? 380 : 260 + 80 * Math.sin(u * 40 + w * 13); // abdomen and bowel
                } else {
                    v = spineColumn(u - front, w, mid, t1);
                }
                double n = noise.nextGaussian() * 18;
                px[y * size + x] = (short) Math.max(0, Math.min(4095, Math.round(v + n)));
            }
        }
        return px;
    }

    private static double spineColumn(double u, double w, double mid, boolean t1) {
        // vertebral bodies 0.00..0.17 (anterior-posterior), 6 bodies L1..S1 stacked with discs between
        double level = (w - 0.04) / 0.158;
        double frac = level - Math.floor(level);
        boolean disc = frac > 0.80;
        if (u >= 0 && u < 0.17 && level >= 0 && level < 6.2) {
            if (disc) {
                boolean nucleus = u > 0.04 && u < 0.13 && Math.abs(frac - 0.9) < 0.06;
                double degeneration = Math.floor(level) == 4 ? 0.35 : 1.0; // L4/5 is dark and bulges
                if (Math.floor(level) == 4 && u > 0.155) {
                    return t1 ? 300 : 260;
                }
                return t1 ? 330 : nucleus ? 1100 * degeneration + 200 : 420;
            }
            boolean cortex = u < 0.012 || u > 0.158 || frac < 0.03 || frac > 0.77;
            return cortex ? 120 : (t1 ? 620 : 480); // fatty marrow
        }
        // spinal canal with CSF and cauda equina behind the bodies, at the midline slices
        if (u >= 0.17 && u < 0.17 + 0.09 * mid) {
            boolean roots = Math.abs(Math.sin(u * 300)) < 0.25 && u > 0.19 && w > 0.2;
            if (Math.floor(level) == 4 && disc && u < 0.19) {
                return t1 ? 300 : 300; // disc bulge narrowing the canal
            }
            return t1 ? 260 : roots ? 500 : 1500;
        }
        // posterior elements and paraspinal muscles
        if (u < 0.42) {
            boolean spinous = u > 0.27 && frac > 0.15 && frac < 0.6 && mid > 0.5;
            return spinous ? (t1 ? 560 : 420) : (t1 ? 420 : 300);
        }
        return t1 ? 800 : 620;
    }

    /** Axial T2 MR at a lumbar level: vertebral body or disc, canal, psoas and paraspinal muscles. */
    static short[] mrSpineAxial(int size, double position, Random noise) {
        short[] px = new short[size * size];
        double c = size / 2.0;
        boolean disc = (position * 5) % 1.0 > 0.65;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - c) / size, dy = (y - c) / size;
                double body = (dx / 0.46) * (dx / 0.46) + (dy / 0.34) * (dy / 0.34);
                double v = 0;
                if (body < 1) {
                    v = body > 0.85 ? 640 : 260 + 60 * Math.sin(dx * 60) * Math.cos(dy * 50); // fat rim, abdomen
                    double vb = (dx / 0.085) * (dx / 0.085) + ((dy - 0.02) / 0.07) * ((dy - 0.02) / 0.07);
                    if (vb < 1) {
                        v = disc ? (vb < 0.45 ? 1050 : 420) : (vb > 0.85 ? 120 : 480);
                    }
                    double canal = (dx / 0.045) * (dx / 0.045) + ((dy - 0.125) / 0.035) * ((dy - 0.125) / 0.035);
                    if (canal < 1) {
                        v = 1500;
                    }
                    for (int side = -1; side <= 1; side += 2) {
                        double ps = ((dx - side * 0.14) / 0.055) * ((dx - side * 0.14) / 0.055) + ((dy - 0.01) / 0.05) * ((dy - 0.01) / 0.05);
                        double es = ((dx - side * 0.085) / 0.07) * ((dx - side * 0.085) / 0.07) + ((dy - 0.22) / 0.065) * ((dy - 0.22) / 0.065);
                        if (ps < 1 || es < 1) {
                            v = 280;
                        }
                    }
                    if (Math.abs(dx) < 0.012 && dy > 0.17 && dy < 0.29) {
                        v = 140; // spinous process
                    }
                }
                px[y * size + x] = (short) Math.max(0, Math.min(4095, Math.round(v + noise.nextGaussian() * 18)));
            }
        }
        return px;
    }

    /** A chest radiograph, 12-bit, MONOCHROME2 (lungs dark); {@code lateral} for the side view. */
    static short[] crChest(int rows, int columns, boolean lateral, Random noise) {
        short[] px = new short[rows * columns];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double u = (x - columns / 2.0) / columns, w = (y - rows * 0.45) / rows;
                double v = lateral ? chestLateral(u, w) : chestPa(u, w);
                px[y * columns + x] = (short) Math.max(0, Math.min(4095, Math.round(v + noise.nextGaussian() * 25)));
            }
        }
        return px;
    }

    private static double chestPa(double u, double w) {
        double bodyHalfWidth = 0.42 - 0.1 * Math.max(0, -w - 0.25);
        if (Math.abs(u) > bodyHalfWidth || w < -0.45) {
            return 250; // direct exposure
        }
        double v = 2100; // soft tissue
        double diaphragm = 0.22 - 0.12 * Math.cos(Math.abs(u) * 5) + (u < 0 ? 0 : 0.025); // right dome higher
        for (int side = -1; side <= 1; side += 2) {
            double lx = (u - side * 0.17) / 0.14, ly = (w + 0.02) / 0.3;
            if (lx * lx + ly * ly < 1 && w < diaphragm) {
                v = 900 + 300 * (lx * lx); // lung, denser at the periphery
                // vessels fanning out of the hila
                double ang = Math.atan2(w + 0.02, u - side * 0.06);
                if (Math.abs(Math.sin(ang * 9)) < 0.06 && Math.hypot(u - side * 0.06, w + 0.02) < 0.2) {
                    v += 350;
                }
            }
        }
        // mediastinum and heart (larger to the left of the patient: image right)
        double heart = ((u - 0.04) / 0.15) * ((u - 0.04) / 0.15) + ((w - 0.1) / 0.13) * ((w - 0.1) / 0.13);
        if (heart < 1 || (Math.abs(u) < 0.05 && w < 0.1)) {
            v = 2300;
        }
        // ribs: curved bands, posterior ribs
        for (int k = 0; k < 10; k++) {
            double ry = -0.3 + k * 0.055 + 0.35 * u * u;
            if (Math.abs(w - ry) < 0.009 && Math.abs(u) > 0.04 && Math.abs(u) < bodyHalfWidth - 0.02 && ry < diaphragm + 0.05) {
                v += 550;
            }
        }
        if (Math.abs(u) < 0.022) {
            v += 700; // spine
        }
        // clavicles
        if (Math.abs(w + 0.33 - 0.15 * Math.abs(u)) < 0.012 && Math.abs(u) > 0.03 && Math.abs(u) < 0.3) {
            v += 650;
        }
        return v;
    }

    private static double chestLateral(double u, double w) {
        if (Math.abs(u) > 0.3 || w < -0.45) {
            return 250;
        }
        double v = 2200;
        double lx = (u + 0.01) / 0.2, ly = (w + 0.02) / 0.3;
        if (lx * lx + ly * ly < 1 && w < 0.2 - 0.05 * u) {
            v = 1150;
        }
        double heart = ((u + 0.09) / 0.1) * ((u + 0.09) / 0.1) + ((w - 0.1) / 0.12) * ((w - 0.1) / 0.12);
        if (heart < 1) {
            v = 2000;
        }
        if (u > 0.2 && u < 0.25) {
            v += 900 * (Math.abs(Math.sin(w * 60)) > 0.3 ? 1 : 0.4); // thoracic spine, vertebrae and discs
        }
        if (u < -0.26 && w > -0.2 && w < 0.15) {
            v += 600; // sternum
        }
        return v;
    }

    /** An upper-abdomen ultrasound frame, 8-bit, in a sector: liver speckle with a gallbladder. */
    static byte[] usAbdomen(int rows, int columns, double variant, Random noise) {
        byte[] px = new byte[rows * columns];
        double apexX = columns / 2.0, apexY = rows * 0.05;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - apexX, dy = y - apexY;
                double r = Math.hypot(dx, dy) / rows, ang = Math.atan2(dx, dy);
                double v = 0;
                if (dy > 0 && Math.abs(ang) < 0.62 && r > 0.05 && r < 0.92) {
                    double speckle = Math.abs(noise.nextGaussian());
                    v = 95 * speckle * (1.1 - r * 0.5); // liver parenchyma with depth attenuation
                    double gx = (x - columns * (0.45 + 0.05 * variant)) / (columns * 0.12), gy = (y - rows * 0.48) / (rows * 0.08);
                    if (gx * gx + gy * gy < 1) {
                        v = 6 * speckle; // gallbladder: anechoic
                    } else if (gx * gx + gy * gy < 1.3 && gy > 0) {
                        v = 170; // bright back wall
                    }
                    double vessel = Math.hypot(x - columns * 0.62, y - rows * (0.3 + 0.05 * variant)) / rows;
                    if (vessel < 0.035) {
                        v = 10;
                    }
                    if (Math.abs(r - (0.8 + 0.06 * Math.cos(ang * 2.5))) < 0.012) {
                        v = 210 + 30 * Math.abs(noise.nextGaussian()); // diaphragm: a bright curved echo
                    } else if (r > 0.8 + 0.06 * Math.cos(ang * 2.5)) {
                        v *= 0.35; // behind the diaphragm
                    }
                }
                px[y * columns + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        return px;
    }
}
