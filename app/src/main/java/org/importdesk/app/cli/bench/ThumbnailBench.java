package org.importdesk.app.cli.bench;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.imaging.ImageResult;
import org.importdesk.engine.imaging.Thumbnails;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Thumbnail time per series over a folder: headers are read first (untimed, as the medium scan does), then each
 * series' thumbnail (its middle image decoded, rendered, scaled to 128) is timed, after a warm-up over 20 series.
 */
public final class ThumbnailBench implements BenchPart {
    @Override
    public String name() {
        return "thumbnails";
    }

    @Override
    public String description() {
        return "thumbnail time per series (middle image decoded, windowed, scaled to 128 px), goal < 50 ms mean";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        if (!Files.isDirectory(context.corpus())) {
            context.out().println("  skipped: no folder " + context.corpus());
            return;
        }
        List<SeriesRecord> series = readSeries(context.corpus());
        context.out().printf("  %d series with pixel data under %s%n", series.size(), context.corpus());
        Thumbnails thumbnails = new Thumbnails();
        for (SeriesRecord s : series.subList(0, Math.min(20, series.size()))) {
            thumbnails.of(s);
        }
        int passes = Math.max(1, context.repetitions());
        double[][] runs = new double[passes][series.size()];
        int previews = 0;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < series.size(); i++) {
                long t0 = System.nanoTime();
                ImageResult<BufferedImage> r = thumbnails.of(series.get(i));
                runs[pass][i] = (System.nanoTime() - t0) / 1e6;
                if (pass > 0) {
                    continue;
                }
                if (r.present()) {
                    previews++;
                } else {
                    reasons.merge(r.reason().replaceAll(": .*", "").replaceAll("\\(.*", "").trim(), 1,
                            Integer::sum);
                }
            }
        }
        // per series, the median over the passes: the machine's load varies from pass to pass
        double[] millis = new double[series.size()];
        for (int i = 0; i < millis.length; i++) {
            double[] times = new double[passes];
            for (int pass = 0; pass < passes; pass++) {
                times[pass] = runs[pass][i];
            }
            java.util.Arrays.sort(times);
            millis[i] = times[passes / 2];
        }
        context.out().printf("  thumbnails: %d of %d series previewed; first pass: time per series %s%n", previews,
                series.size(), Timing.of(runs[0]));
        context.out().printf("  median of %d passes: time per series %s%n", passes, Timing.of(millis));
        reasons.forEach((reason, n) -> context.out().printf("    %3d x %s%n", n, reason));
        Integer[] order = new Integer[series.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(millis[b], millis[a]));
        context.out().println("  slowest:");
        for (int i = 0; i < Math.min(5, order.length); i++) {
            SeriesRecord s = series.get(order[i]);
            InstanceRecord middle = s.instances().get(s.instances().size() / 2);
            context.out().printf("    %7.1f ms  %s (%d instances, %s)%n", millis[order[i]],
                    context.corpus().relativize(middle.file()), s.instances().size(),
                    middle.header().attributes().string(DicomTag.NUMBER_OF_FRAMES).isEmpty() ? "1 frame"
                            : middle.header().attributes().string(DicomTag.NUMBER_OF_FRAMES) + " frames");
        }
    }

    static List<SeriesRecord> readSeries(Path root) throws Exception {
        DicomFiles reader = DicomFiles.pixelMed();
        Map<String, List<InstanceRecord>> bySeries = new LinkedHashMap<>();
        Map<String, String> modality = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase();
            if (name.endsWith(".jpeg") || name.endsWith(".jpg") || name.endsWith(".png") || name.endsWith(".tsv")
                    || name.endsWith(".txt") || name.endsWith(".md") || name.equals("dicomdir")) {
                continue;
            }
            DicomHeader h;
            try {
                h = reader.readHeader(file);
            } catch (DicomReadException | RuntimeException e) {
                continue;
            }
            if (!h.hasPixelData() || h.seriesInstanceUid().isEmpty()) {
                continue;
            }
            int number = h.attributes().integer(DicomTag.INSTANCE_NUMBER).orElse(0);
            bySeries.computeIfAbsent(h.seriesInstanceUid(), k -> new ArrayList<>()).add(new InstanceRecord(
                    h.sopInstanceUid(), h.sopClassUid(), h.transferSyntaxUid(), number, file, h));
            modality.putIfAbsent(h.seriesInstanceUid(), h.modality());
        }
        List<SeriesRecord> out = new ArrayList<>();
        bySeries.forEach((uid, instances) -> {
            instances.sort(Comparator.comparingInt(InstanceRecord::instanceNumber));
            out.add(new SeriesRecord(uid, modality.get(uid), 0, "", "", "", instances, Optional.empty()));
        });
        return out;
    }
}
