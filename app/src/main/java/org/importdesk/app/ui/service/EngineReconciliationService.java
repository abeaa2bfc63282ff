package org.importdesk.app.ui.service;

import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.reconcile.CandidateScorer;
import org.importdesk.engine.reconcile.Demographics;
import org.importdesk.engine.reconcile.Reconciler;
import org.importdesk.engine.reconcile.Reconciliation;
import org.importdesk.engine.reconcile.ScoredCandidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reconciliation over the engine: the configured worklist's orders and the PACS's patients, ranked and scored. */
public final class EngineReconciliationService implements ReconciliationService {

    private static final CandidateScorer SCORER = CandidateScorer.defaults();
    private final WorkstationSettings settings;

    public EngineReconciliationService(WorkstationSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Candidate> candidates(PatientRecord external) throws Exception {
        var s = settings.current();
        Optional<DicomNode> worklist = s.worklistNodes().isEmpty() ? Optional.empty()
                : Optional.of(ConfiguredNodes.of(s.worklistNodes().get(0), s));
        Optional<DicomNode> pacs = s.defaultPacs().isEmpty() ? Optional.empty()
                : Optional.of(ConfiguredNodes.of(s.defaultPacs().get(), s));
        if (worklist.isEmpty() && pacs.isEmpty()) {
            return List.of();
        }
        Demographics d = new Demographics(external.patientId(), external.issuerOfPatientId(), external.patientName(),
                external.birthDate(), external.sex());
        Reconciliation r = new Reconciler(new DicomQueryClient(s.stationAeTitle()), SCORER)
                .reconcile(d, worklist, pacs);
        List<Candidate> out = new ArrayList<>();
        for (ScoredCandidate c : r.ranked()) {
            Demographics local = c.candidate().demographics();
            // the engine's decision, not a threshold of our own: it also asks when two candidates are close
            boolean automatic = r.chosen().isPresent() && r.chosen().get() == c;
            out.add(new Candidate(local.patientId(), local.issuer(), local.name(), local.birthDate(), local.sex(),
                    c.candidate().accessionNumber(), c.vetoed() ? 0 : c.score(),
                    c.candidate().source().name().toLowerCase(), List.copyOf(c.reasons()), c.vetoed(), automatic));
        }
        return out;
    }

    @Override
    public double autoChooseThreshold() {
        return SCORER.threshold();
    }
}
