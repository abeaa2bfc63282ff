package org.importdesk.mapping.io;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.importdesk.mapping.ExactDescription;
import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingText;
import org.importdesk.mapping.MinorError;
import org.importdesk.mapping.ModalityRemap;
import org.importdesk.mapping.ParsedRule;
import org.importdesk.mapping.PetMapping;
import org.importdesk.mapping.ProcedureCodeMapping;
import org.importdesk.mapping.StudyClass;
import org.importdesk.mapping.ValidationFinding;
import org.importdesk.mapping.VoteRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MOMO's class table ({@code Radiology_Procedures.xlsx} or {@code .csv}): columns Procedure Code, Full Name, Minor
 * Error (the classes for which predicting this row's class is a minor error), Modality, Alternatives (keywords joined
 * by {@code ;}). Import replaces the classes, keywords, minor errors, procedure codes and exact descriptions; rules,
 * remaps, PET map, blacklists and settings stay, less the entries that name classes the sheet no longer has.
 */
public final class MomoSpreadsheet {

    public static final List<String> HEADER = List.of("Procedure Code", "Full Name", "Minor Error", "Modality", "Alternatives");

    /** One row of the sheet. */
    public record MomoRow(String code, String fullName, List<String> minorErrorOf, String modality,
                          List<String> alternatives) {
    }

    /** The content an import produces and what was dropped or found on the way. */
    public record ImportResult(MappingContent content, List<ValidationFinding> findings) {
    }

    public static List<MomoRow> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> cells = name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
        if (cells.isEmpty()) {
            throw new IOException(file + ": empty sheet");
        }
        List<String> header = cells.get(0).stream().map(String::trim).toList();
        int[] col = new int[HEADER.size()];
        for (int i = 0; i < HEADER.size(); i++) {
            col[i] = header.indexOf(HEADER.get(i));
            if (col[i] < 0) {
                throw new IOException(file + ": column '" + HEADER.get(i) + "' missing (header: " + header + ")");
            }
        }
        List<MomoRow> rows = new ArrayList<>();
        for (List<String> r : cells.subList(1, cells.size())) {
            String code = cell(r, col[0]);
            if (code.isEmpty()) {
                continue;
            }
            rows.add(new MomoRow(code, cell(r, col[1]), split(cell(r, col[2])), cell(r, col[3]), split(cell(r, col[4]))));
        }
        return rows;
    }

    public static void write(Path file, List<MomoRow> rows) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook wb = new Workbook(out, "ImportDesk", "1.0");
                Worksheet ws = wb.newWorksheet("Radiology_Procedures");
                for (int c = 0; c < HEADER.size(); c++) {
                    ws.value(0, c, HEADER.get(c));
                }
                int r = 1;
                for (MomoRow row : rows) {
                    List<String> v = values(row);
                    for (int c = 0; c < v.size(); c++) {
                        if (!v.get(c).isEmpty()) {
                            ws.value(r, c, v.get(c));
                        }
                    }
                    r++;
                }
                wb.finish();
            }
        } else {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(String.join(",", HEADER) + "\n");
                for (MomoRow row : rows) {
                    w.write(values(row).stream().map(MomoSpreadsheet::csvField).collect(Collectors.joining(",")) + "\n");
                }
            }
        }
    }

    /** The sheet rows of {@code content}: one per class, keywords and minor errors as MOMO expects them. */
    public static List<MomoRow> rows(MappingContent content) {
        List<MomoRow> out = new ArrayList<>();
        for (StudyClass c : content.classes()) {
            List<String> minor = content.minorErrors().stream().filter(m -> m.predictedClass().equals(c.code()))
                    .map(MinorError::trueClass).toList();
            List<String> kws = content.keywords().stream().filter(k -> k.classCode().equals(c.code()))
                    .map(Keyword::text).toList();
            out.add(new MomoRow(c.code(), c.nameDe(), minor, c.modality(), kws));
        }
        return out;
    }

    /** {@code base} with the classes, keywords, minor errors, codes and exact descriptions of the sheet. */
    public static ImportResult toContent(MappingContent base, List<MomoRow> rows) {
        List<ValidationFinding> findings = new ArrayList<>();
        List<StudyClass> classes = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        List<MinorError> minor = new ArrayList<>();
        List<ProcedureCodeMapping> codes = new ArrayList<>();
        List<ExactDescription> exact = new ArrayList<>();
        Set<String> seenCodes = new HashSet<>();
        Set<String> seenKw = new HashSet<>();
        Set<String> seenExact = new HashSet<>();
        for (MomoRow r : rows) {
            if (!seenCodes.add(r.code())) {
                findings.add(new ValidationFinding(ValidationFinding.Severity.ERROR, "study_class",
                        "sheet lists class " + r.code() + " twice"));
                continue;
            }
            String name = r.fullName().isEmpty() ? r.code() : r.fullName();
            String en = base.studyClass(r.code()).map(StudyClass::nameEn).orElse(name);
            classes.add(new StudyClass(r.code(), en, name, r.modality().toUpperCase(Locale.ROOT), true));
            codes.add(new ProcedureCodeMapping(r.code(), ProcedureCodeMapping.ANY_SCHEME, r.code()));
            if (seenExact.add(MappingText.normalize(name))) {
                exact.add(new ExactDescription(name, r.code()));
            }
            for (String a : r.alternatives()) {
                String n = MappingText.normalize(a);
                if (!n.isEmpty() && seenKw.add(r.code() + "\u0000" + n)) {
                    keywords.add(new Keyword(r.code(), a, "und", Keyword.Scope.BOTH));
                }
            }
        }
        for (MomoRow r : rows) {
            for (String t : r.minorErrorOf()) {
                if (seenCodes.contains(t)) {
                    minor.add(new MinorError(t, r.code()));
                } else {
                    findings.add(new ValidationFinding(ValidationFinding.Severity.WARNING, "minor_error",
                            r.code() + ": minor error of unknown class " + t + " dropped"));
                }
            }
        }
        List<VoteRule> rules = new ArrayList<>();
        for (VoteRule v : base.voteRules()) {
            List<String> unknown;
            try {
                unknown = ParsedRule.parse(v.rule()).codes().stream().filter(c -> !seenCodes.contains(c)).toList();
            } catch (IllegalArgumentException e) {
                unknown = List.of("?");
            }
            if (unknown.isEmpty()) {
                rules.add(v);
            } else {
                findings.add(new ValidationFinding(ValidationFinding.Severity.WARNING, "vote_rule",
                        "rule '" + v.rule() + "' dropped: names " + unknown));
            }
        }
        List<PetMapping> pet = base.petMap().stream()
                .filter(p -> seenCodes.contains(p.regionClass()) && seenCodes.contains(p.petClass())).toList();
        if (pet.size() < base.petMap().size()) {
            findings.add(new ValidationFinding(ValidationFinding.Severity.WARNING, "pet_map",
                    (base.petMap().size() - pet.size()) + " PET map entries dropped: classes not in the sheet"));
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>(base.settings());
        settings.entrySet().removeIf(e -> (e.getKey().startsWith(MappingContent.PET_DEFAULT_PREFIX)
                || e.getKey().startsWith(MappingContent.PRIOR_PREFIX))
                && !seenCodes.contains(e.getValue()));
        Set<String> modalities = classes.stream().map(StudyClass::modality).collect(Collectors.toCollection(LinkedHashSet::new));
        List<ModalityRemap> remaps = new ArrayList<>(base.modalityRemaps());
        for (String m : modalities) {
            if (remaps.stream().noneMatch(x -> x.sourceModality().equals(m) && x.targetModality().equals(m))) {
                remaps.add(new ModalityRemap(m, m, 1));
            }
        }
        MappingContent content = new MappingContent(classes, keywords, codes, exact, base.blacklist(), rules, minor,
                remaps, pet, settings);
        return new ImportResult(content, findings);
    }

    private static List<String> values(MomoRow r) {
        return List.of(r.code(), r.fullName(), String.join(";", r.minorErrorOf()), r.modality(),
                String.join(";", r.alternatives()));
    }

    private static List<String> split(String s) {
        return Stream.of(s.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() && r.get(i) != null ? r.get(i).trim() : "";
    }

    private static List<List<String>> readXlsx(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in);
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i));
                }
                out.add(cells);
            });
        }
        return out;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            boolean any = false;
            while ((c = r.read()) != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        r.mark(1);
                        int n = r.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (n != -1) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString().replace("\r", ""));
                    field.setLength(0);
                    out.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else {
                    field.append(ch);
                }
            }
            if (any) {
                row.add(field.toString().replace("\r", ""));
                out.add(row);
            }
        }
        if (!out.isEmpty() && !out.get(0).isEmpty()) {
            out.get(0).set(0, out.get(0).get(0).replace("\uFEFF", ""));
        }
        return out;
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private MomoSpreadsheet() {
    }
}
