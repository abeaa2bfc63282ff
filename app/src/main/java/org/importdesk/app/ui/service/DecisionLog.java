package org.importdesk.app.ui.service;

import org.importdesk.engine.classify.TextStudies;
import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classification decisions confirmed at this workstation, kept so a team lead can replay a mapping change
 * against them: the study's metadata as MOMO reads it (no patient data), the proposed and the confirmed class.
 * A TSV file, appended to.
 */
public final class DecisionLog {

    static final String HEADER = "when\tuser\tid\tmodality\tstudy_description\tseries_description\tbody_part_examined"
            + "\tprotocol_name\tprocedure_code\tproposed\tconfirmed";

    /** One confirmed decision. */
    public record Decision(Instant when, String user, StudyRecord study, String proposed, String confirmed) {
    }

    private final Path file;

    public DecisionLog(Path file) {
        this.file = file;
    }

    public synchronized void record(StudyRecord study, String proposed, String confirmed, String user) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file);
        String row = String.join("\t", Instant.now().toString(), clean(user), clean(study.studyInstanceUid()),
                join(study, SeriesRecord::modality), clean(study.studyDescription()),
                join(study, SeriesRecord::seriesDescription), join(study, SeriesRecord::bodyPartExamined),
                join(study, SeriesRecord::protocolName), code(study), clean(proposed), clean(confirmed)) + "\n";
        Files.writeString(file, (fresh ? HEADER + "\n" : "") + row, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public synchronized List<Decision> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 11) {
                continue; // a line cut by a crash: the rest of the log stays usable
            }
            StudyRecord s = TextStudies.study(f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
            out.add(new Decision(Instant.parse(f[0]), f[1], s, f[9], f[10]));
        }
        return out;
    }

    private static String join(StudyRecord s, java.util.function.Function<SeriesRecord, String> f) {
        return s.series().stream().map(f).map(DecisionLog::clean).collect(Collectors.joining("|"));
    }

    private static String code(StudyRecord s) {
        if (s.procedureCodes().isEmpty()) {
            return "";
        }
        ProcedureCode c = s.procedureCodes().get(0);
        return clean(c.codeValue()) + "^" + clean(c.codingSchemeDesignator()) + "^" + clean(c.codeMeaning());
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace('|', '/');
    }
}
