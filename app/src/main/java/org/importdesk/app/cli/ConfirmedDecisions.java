package org.importdesk.app.cli;

import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.engine.inference.ModalityNetworks;
import org.importdesk.engine.media.SeriesRecord;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Training labels from the classes radiographers confirmed at the workstation: the decision log the Classification
 * screen appends to (study UID, its metadata, proposed and confirmed class; no patient data). A later decision on a
 * study replaces an earlier one. PET studies are left out: their confirmed class is the PET class, not the region class
 * the CT or MR network votes for.
 */
final class ConfirmedDecisions {
    /** The decision log's file name in the workstation's data folder. */
    static final String LOG_FILE = "decisions.tsv";
    private static final Set<String> PET = Set.of("PT", "NM");

    private ConfirmedDecisions() {
    }

    /** Study UID to confirmed class code, for the studies with a series the network of {@code networkModality} reads. */
    static Map<String, String> labels(DecisionLog log, String networkModality, Consumer<String> report)
            throws IOException {
        List<DecisionLog.Decision> decisions = log.read();
        Map<String, String> labels = new LinkedHashMap<>();
        int pet = 0;
        int otherModality = 0;
        for (DecisionLog.Decision d : decisions) {
            String uid = d.study().studyInstanceUid();
            if (d.confirmed().isBlank() || uid.isBlank()) {
                continue;
            }
            Set<String> modalities = d.study().series().stream().map(SeriesRecord::modality)
                    .map(m -> m.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            if (modalities.stream().anyMatch(PET::contains)) {
                pet++;
                labels.remove(uid);
                continue;
            }
            boolean readable = modalities.stream().anyMatch(m -> ModalityNetworks.networkFor(m)
                    .map(networkModality::equalsIgnoreCase).orElse(false));
            if (!readable) {
                otherModality++;
                continue;
            }
            labels.put(uid, d.confirmed().trim().toUpperCase(Locale.ROOT));
        }
        report.accept(String.format(Locale.ROOT, "%d confirmed decisions: %d %s studies labelled, %d PET studies and "
                + "%d of other modalities left out", decisions.size(), labels.size(), networkModality, pet,
                otherModality));
        return labels;
    }
}
