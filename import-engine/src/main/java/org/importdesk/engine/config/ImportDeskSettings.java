package org.importdesk.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective settings of a workstation, after defaults, the site file and the user file were layered (see
 * {@link ConfigurationLoader}). Immutable; every value is already validated.
 *
 * @param stationAeTitle  this workstation's calling AE title
 * @param pacsNodes       PACS to send to, the default one first; empty means the local archive
 * @param worklistNodes   modality worklists to query for the patient; may be empty
 * @param localArchive    folder that receives the studies while no PACS is configured
 * @param tls             our key store (client certificate) and trust store for TLS nodes
 * @param commitment      whether, and where, storage commitment is received after sending to a PACS
 */
public record ImportDeskSettings(String stationAeTitle, List<DicomNode> pacsNodes, List<DicomNode> worklistNodes,
                                 Roles roles, Locale language, AutoSendPolicy autoSend, String databaseUrl,
                                 Path localArchive, InferenceDevice inferenceDevice, TlsSettings tls,
                                 StorageCommitmentSettings commitment) {
    /** Without TLS key or trust store (the JVM's defaults) and without storage commitment. */
    public ImportDeskSettings(String stationAeTitle, List<DicomNode> pacsNodes, List<DicomNode> worklistNodes,
                              Roles roles, Locale language, AutoSendPolicy autoSend, String databaseUrl,
                              Path localArchive, InferenceDevice inferenceDevice) {
        this(stationAeTitle, pacsNodes, worklistNodes, roles, language, autoSend, databaseUrl, localArchive,
                inferenceDevice, TlsSettings.none(), StorageCommitmentSettings.off());
    }

    public ImportDeskSettings {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(commitment, "commitment");
        DicomNode.requireAeTitle(stationAeTitle);
        pacsNodes = List.copyOf(pacsNodes);
        worklistNodes = List.copyOf(worklistNodes);
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(autoSend, "autoSend");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(localArchive, "localArchive");
        Objects.requireNonNull(inferenceDevice, "inferenceDevice");
    }

    /** True while no PACS is configured: imports land in {@link #localArchive()}. */
    public boolean usesLocalArchive() {
        return pacsNodes.isEmpty();
    }

    public Optional<DicomNode> defaultPacs() {
        return pacsNodes.stream().findFirst();
    }
}
