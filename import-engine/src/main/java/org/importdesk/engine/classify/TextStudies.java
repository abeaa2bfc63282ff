package org.importdesk.engine.classify;

import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Studies from text: the {@code classify-text} TSV with header {@code id modality study_description} and optional
 * {@code series_description body_part_examined protocol_name procedure_code} (several series joined by {@code |};
 * a procedure code as {@code value} or {@code value^scheme}).
 */
public final class TextStudies {

    public static List<StudyRecord> read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new IOException("empty input: expected a header 'id modality study_description ...'");
        }
        List<String> cols = List.of(header.replace("\uFEFF", "").split("\t", -1));
        int id = need(cols, "id");
        int modality = need(cols, "modality");
        int description = need(cols, "study_description");
        int seriesDescription = cols.indexOf("series_description");
        int bodyPart = cols.indexOf("body_part_examined");
        int protocol = cols.indexOf("protocol_name");
        int code = cols.indexOf("procedure_code");
        List<StudyRecord> out = new ArrayList<>();
        int lineNo = 1;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length <= Math.max(id, Math.max(modality, description))) {
                throw new IOException("line " + lineNo + ": " + f.length + " columns, header has " + cols.size());
            }
            out.add(study(f[id], f[modality], f[description], get(f, seriesDescription), get(f, bodyPart),
                    get(f, protocol), get(f, code)));
        }
        return out;
    }

    /** One study; series fields joined by {@code |} give one series each (the longest list sets the count). */
    public static StudyRecord study(String id, String modality, String studyDescription, String seriesDescriptions,
                                    String bodyParts, String protocols, String procedureCode) {
        String[] sd = split(seriesDescriptions);
        String[] bp = split(bodyParts);
        String[] pn = split(protocols);
        String[] mods = split(modality);
        int n = Math.max(1, Math.max(sd.length, Math.max(bp.length, pn.length)));
        List<SeriesRecord> series = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String m = i < mods.length ? mods[i] : mods.length > 0 ? mods[mods.length - 1] : "";
            if (mods.length == 1) {
                m = mods[0];
            }
            series.add(new SeriesRecord(id + "." + (i + 1), m.trim(), i + 1, at(sd, i), at(bp, i), at(pn, i),
                    List.of(), Optional.empty()));
        }
        List<ProcedureCode> codes = new ArrayList<>();
        if (procedureCode != null && !procedureCode.isBlank()) {
            String[] c = procedureCode.trim().split("\\^", -1);
            codes.add(new ProcedureCode(c[0], c.length > 1 ? c[1] : "", c.length > 2 ? c[2] : ""));
        }
        return new StudyRecord(id, studyDescription, "", "", "", "", codes, "", "", series);
    }

    private static String[] split(String s) {
        return s == null || s.isEmpty() ? new String[0] : s.split("\\|", -1);
    }

    private static String at(String[] a, int i) {
        return i < a.length ? a[i].trim() : "";
    }

    private static String get(String[] f, int i) {
        return i >= 0 && i < f.length ? f[i] : "";
    }

    private static int need(List<String> cols, String name) throws IOException {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new IOException("input header lacks column '" + name + "' (has " + cols + ")");
        }
        return i;
    }

    private TextStudies() {
    }
}
