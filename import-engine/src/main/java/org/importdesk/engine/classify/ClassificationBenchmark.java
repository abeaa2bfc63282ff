package org.importdesk.engine.classify;

import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Times metadata classification per study over generated studies: catalogue-style descriptions (a fifth of the
 * studies without one), 2-12 series each with typical series descriptions, body parts and localizers.
 */
public final class ClassificationBenchmark {

    public record Result(int studies, double totalMillis, double meanMillis, double p99Millis, int predicted) {
    }

    private static final String[][] DESCRIPTIONS = {
            {"CT", "CT HEAD WO CONTRAST"}, {"CT", "CT CHEST ABDOMEN PELVIS W CONTRAST"}, {"CT", "CT ABD/PELV W CON"},
            {"CT", "CTA HEAD AND NECK"}, {"CT", "CT Schädel nativ"}, {"MR", "MRI BRAIN WO/W CONTRAST"},
            {"MR", "MR KNEE RIGHT WO"}, {"MR", "MRT LWS nativ"}, {"MR", "IRM DU GENOU DROIT"}, {"DX", "XR CHEST 2 VIEWS"},
            {"DX", "XR C-SPINE 2-3 VIEWS"}, {"DX", "XR FEMUR LEFT"}, {"US", "US THYROID"}, {"US", "Oberbauchsonographie"},
            {"RF", "FL UGI"}, {"XA", "IR CEREBRAL ANGIOGRAPHY"}, {"PT", "PET CT WHOLE BODY"}, {"MG", "MAMMO SCREENING"},
            {"NM", "NM BONE SCAN WHOLE BODY"}, {"CT", "CT HWS"}};
    private static final String[] SERIES = {"Localizer", "AX T2 FLAIR", "SAG T1", "COR T2 STIR", "DWI", "Dose Report",
            "AX 5mm STND", "Thorax 1.5 B70f", "Abdomen 3.0 B30f", "SAG T2 C-SPINE", "PA", "LAT", "3D MPRAGE",
            "Topogram 0.6 T20s", "KNEE PD FS", "ARTERIAL PHASE", "PORTAL VENOUS", "Lung 1.0", "HEAD 5mm", ""};
    private static final String[] BODY_PARTS = {"", "", "HEAD", "CHEST", "ABDOMEN", "KNEE", "CSPINE", "LSPINE", "PELVIS"};

    public static List<StudyRecord> studies(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<StudyRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] d = DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)];
            int k = 2 + r.nextInt(11);
            List<SeriesRecord> series = new ArrayList<>(k);
            for (int s = 0; s < k; s++) {
                series.add(new SeriesRecord("1.2." + i + "." + s, d[0], s + 1, SERIES[r.nextInt(SERIES.length)],
                        BODY_PARTS[r.nextInt(BODY_PARTS.length)], "", List.of(), Optional.empty()));
            }
            String description = r.nextInt(5) == 0 ? "" : d[1];
            out.add(new StudyRecord("1.2." + i, description, "", "", "", "", List.of(), "", "", series));
        }
        return out;
    }

    public static Result run(StudyClassifier classifier, List<StudyRecord> studies) {
        for (int i = 0; i < Math.min(2000, studies.size()); i++) {
            classifier.classify(studies.get(i)); // warm-up: JIT and keyword indexes
        }
        long[] nanos = new long[studies.size()];
        int predicted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < studies.size(); i++) {
            long t0 = System.nanoTime();
            if (classifier.classify(studies.get(i)).classCode().isPresent()) {
                predicted++;
            }
            nanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        java.util.Arrays.sort(nanos);
        return new Result(studies.size(), total / 1e6, total / 1e6 / studies.size(),
                nanos[(int) Math.min(nanos.length - 1, Math.floor(nanos.length * 0.99))] / 1e6, predicted);
    }

    private ClassificationBenchmark() {
    }
}
