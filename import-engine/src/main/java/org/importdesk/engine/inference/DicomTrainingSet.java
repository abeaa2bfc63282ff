package org.importdesk.engine.inference;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Training data from a hospital's PACS export: a folder of DICOM files plus a CSV that labels series or whole studies
 * ({@code uid,classCode}; a series' own label wins over its study's). Each labelled series of the wanted modality
 * becomes one input through the series representation.
 */
public final class DicomTrainingSet {

    /** The series representation over plain files (the imaging package's first/middle/last or MIPs). */
    @FunctionalInterface
    public interface FileSeriesInputs {
        Optional<float[]> input(List<Path> seriesFiles, int size) throws IOException;
    }

    /** A series found in the folder. */
    public record Series(String seriesUid, String studyUid, String modality, String description, List<Path> files) {
    }

    private DicomTrainingSet() {
    }

    /** Reads "uid,CODE" lines; blank lines, lines starting with '#' and a header naming a "uid" column are skipped. */
    public static Map<String, String> readLabels(Path csv) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("[,;\t]");
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IOException(csv + " line " + lineNumber + ": expected uid,classCode");
            }
            String uid = parts[0].strip().replace("\"", "");
            if (lineNumber == 1 && uid.toLowerCase(Locale.ROOT).contains("uid")) {
                continue;
            }
            labels.put(uid, parts[1].strip().replace("\"", "").toUpperCase(Locale.ROOT));
        }
        return labels;
    }

    /** Every series in the folder (recursively); files that are not DICOM are skipped and counted. */
    public static List<Series> scan(Path folder, DicomFiles dicom, Consumer<String> log) throws IOException {
        Map<String, List<DicomHeader>> bySeries = new LinkedHashMap<>();
        int skipped = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            try {
                DicomHeader header = dicom.readHeader(file);
                if (!header.hasPixelData() || header.seriesInstanceUid().isEmpty()) {
                    skipped++;
                    continue;
                }
                bySeries.computeIfAbsent(header.seriesInstanceUid(), k -> new ArrayList<>()).add(header);
            } catch (DicomReadException e) {
                skipped++;
            }
        }
        log.accept(files.size() + " files, " + bySeries.size() + " image series, " + skipped
                + " files without images or not DICOM");
        List<Series> series = new ArrayList<>();
        for (List<DicomHeader> headers : bySeries.values()) {
            headers.sort(Comparator.comparingInt(h -> h.attributes().integer(DicomTag.INSTANCE_NUMBER).orElse(0)));
            DicomHeader first = headers.get(0);
            series.add(new Series(first.seriesInstanceUid(), first.studyInstanceUid(), first.modality(),
                    first.attributes().string(DicomTag.SERIES_DESCRIPTION),
                    headers.stream().map(DicomHeader::file).toList()));
        }
        return series;
    }

    /**
     * The labelled series of one network modality as inputs. Blacklisted series (localizer, dose report, ...) are left
     * out as at inference time; so are series whose images cannot be decoded (counted in the log).
     */
    public static LabelledInputs inputs(List<Series> series, Map<String, String> labels, String networkModality,
                                        int size, FileSeriesInputs representation, VoterSettings settings,
                                        Consumer<String> log) throws IOException {
        List<String> classCodes = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int unlabelled = 0;
        int excluded = 0;
        int undecodable = 0;
        for (Series s : series) {
            if (!ModalityNetworks.networkFor(s.modality()).map(networkModality::equalsIgnoreCase).orElse(false)) {
                continue;
            }
            String label = labels.getOrDefault(s.seriesUid(), labels.get(s.studyUid()));
            if (label == null) {
                unlabelled++;
                continue;
            }
            if (settings.blacklistedTerm(s.description()).isPresent()) {
                excluded++;
                continue;
            }
            Optional<float[]> input = representation.input(s.files(), size);
            if (input.isEmpty()) {
                undecodable++;
                continue;
            }
            if (!classCodes.contains(label)) {
                classCodes.add(label);
            }
            inputs.add(input.get());
            classOf.add(classCodes.indexOf(label));
            sources.add(s.seriesUid());
        }
        log.accept(String.format(Locale.ROOT, "%s: %d labelled series used, %d unlabelled, %d blacklisted, "
                + "%d without a decodable image", networkModality, inputs.size(), unlabelled, excluded, undecodable));
        return new LabelledInputs(size, classCodes, inputs, classOf.stream().mapToInt(Integer::intValue).toArray(),
                sources);
    }
}
