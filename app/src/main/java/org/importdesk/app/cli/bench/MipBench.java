package org.importdesk.app.cli.bench;

import org.importdesk.engine.imaging.Mips;
import org.importdesk.engine.imaging.NetworkInputs;
import org.importdesk.engine.imaging.Volume;

import java.util.Random;

/**
 * MIP time of a synthetic 512 x 512 x 300 CT-like volume: direct projections at native resolution (the viewer's MIP),
 * and MOMO's MIP input (resampled to S along z, projected, normalised) for S = --size and 224.
 */
public final class MipBench implements BenchPart {
    @Override
    public String name() {
        return "mip";
    }

    @Override
    public String description() {
        return "MIPs of a 512x512x300 volume: native projections and MOMO's resampled MIP input, goal < 1 s";
    }

    @Override
    public void run(BenchContext context) {
        Volume volume = syntheticCt(512, 512, 300);
        context.out().printf("  volume 512x512x300 float (%d MB), %d processors%n", 512L * 512 * 300 * 4 >> 20,
                Runtime.getRuntime().availableProcessors());
        int reps = Math.max(1, context.repetitions());
        time(context, "native MIPs (3 axes, direct loops)", reps, () -> Mips.project(volume));
        time(context, "MIPs resampled to 512 along z", reps, () -> Mips.projectResampled(volume, 512));
        int[] sizes = context.size() == 224 ? new int[]{224} : new int[]{context.size(), 224};
        for (int s : sizes) {
            time(context, "MOMO MIP input S=" + s + " (in-plane + z resampling, MIPs, [0,1])", reps,
                    () -> NetworkInputs.fromVolume(volume, s, volume.depth()));
        }
    }

    private static void time(BenchContext context, String what, int reps, Runnable task) {
        task.run(); // warm-up
        double[] millis = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        context.out().printf("  %-60s %s%n", what + ":", Timing.of(millis));
    }

    /** Body-like ellipse of soft tissue with noise and a few bright bone rods, in HU. */
    static Volume syntheticCt(int w, int h, int d) {
        Random random = new Random(7);
        float[][] slices = new float[d][w * h];
        for (int z = 0; z < d; z++) {
            float[] s = slices[z];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double ex = (x - w / 2.0) / (w * 0.4);
                    double ey = (y - h / 2.0) / (h * 0.3);
                    boolean body = ex * ex + ey * ey < 1;
                    float v = body ? 40 + (float) random.nextGaussian() * 20 : -1000;
                    double rx = x - w / 2.0;
                    double ry = y - h * 0.65;
                    if (rx * rx + ry * ry < 200) {
                        v = 1200;
                    }
                    s[y * w + x] = v;
                }
            }
        }
        return new Volume(w, h, d, slices);
    }
}
