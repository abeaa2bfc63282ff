package org.importdesk.engine.dicom;

import java.util.List;

/** One-shot C-FIND and C-ECHO: open an association, ask, release. */
public final class DicomQueryClient {
    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";

    private final String callingAet;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;

    public DicomQueryClient(String callingAet, int connectTimeoutMs, int readTimeoutMs) {
        this.callingAet = callingAet;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    public DicomQueryClient(String callingAet) {
        this(callingAet, 5000, 30000);
    }

    public List<DicomAttributes> find(DicomNode node, String informationModel, DicomQuery query)
            throws DicomNetworkException {
        List<PresentationContext> pcs = List.of(new PresentationContext(1, informationModel,
                List.of(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE)));
        try (DimseAssociation a = DimseAssociation.open(node, callingAet, pcs, connectTimeoutMs, readTimeoutMs)) {
            return a.find(informationModel, query);
        }
    }

    /** C-ECHO; returns the round trip in milliseconds of the echo itself (association excluded). */
    public EchoResult echo(DicomNode node) throws DicomNetworkException {
        long t0 = System.nanoTime();
        List<PresentationContext> pcs = List.of(new PresentationContext(1, DimseAssociation.VERIFICATION,
                List.of(TransferSyntaxes.IMPLICIT_LE)));
        try (DimseAssociation a = DimseAssociation.open(node, callingAet, pcs, connectTimeoutMs, readTimeoutMs)) {
            long t1 = System.nanoTime();
            DimseStatus s = a.echo();
            long t2 = System.nanoTime();
            return new EchoResult(s, (t1 - t0) / 1_000_000.0, (t2 - t1) / 1_000_000.0);
        }
    }

    public record EchoResult(DimseStatus status, double associationMillis, double echoMillis) {
    }
}
