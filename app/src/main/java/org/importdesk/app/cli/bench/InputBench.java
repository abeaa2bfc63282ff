package org.importdesk.app.cli.bench;

import org.importdesk.engine.imaging.ImageResult;
import org.importdesk.engine.imaging.NetworkInput;
import org.importdesk.engine.imaging.NetworkInputs;
import org.importdesk.engine.media.SeriesRecord;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * MOMO's network input per series over a folder (decode, resample, MIPs, normalise; headers read untimed first):
 * the representation's share of the per-series inference time.
 */
public final class InputBench implements BenchPart {
    @Override
    public String name() {
        return "inputs";
    }

    @Override
    public String description() {
        return "MOMO network input per series (first/middle/last or MIPs of volumes) at --size";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        if (!Files.isDirectory(context.corpus())) {
            context.out().println("  skipped: no folder " + context.corpus());
            return;
        }
        List<SeriesRecord> series = ThumbnailBench.readSeries(context.corpus());
        NetworkInputs inputs = new NetworkInputs();
        for (SeriesRecord s : series.subList(0, Math.min(10, series.size()))) {
            inputs.of(s, context.size());
        }
        List<Double> three = new ArrayList<>();
        List<Double> mips = new ArrayList<>();
        int none = 0;
        for (SeriesRecord s : series) {
            long t0 = System.nanoTime();
            ImageResult<NetworkInput> r = inputs.of(s, context.size());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!r.present()) {
                none++;
            } else if (r.get().representation() == NetworkInput.Representation.MIPS) {
                mips.add(ms);
                context.out().printf("    volume %s: %d images -> MIPs in %.1f ms%n",
                        s.instances().get(0).file().getParent().getFileName(), r.get().imageCount(), ms);
            } else {
                three.add(ms);
            }
        }
        context.out().printf("  S=%d, %d series: first/middle/last %s%n", context.size(), series.size(),
                Timing.of(three.stream().mapToDouble(Double::doubleValue).toArray()));
        context.out().printf("  MIPs of volumes %s; %d series without input%n",
                Timing.of(mips.stream().mapToDouble(Double::doubleValue).toArray()), none);
    }
}
