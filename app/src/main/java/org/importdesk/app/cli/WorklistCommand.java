package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.reconcile.Candidate;
import org.importdesk.engine.reconcile.CandidateScorer;
import org.importdesk.engine.reconcile.Demographics;
import org.importdesk.engine.reconcile.Reconciler;
import org.importdesk.engine.reconcile.Reconciliation;
import org.importdesk.engine.reconcile.ScoredCandidate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "worklist", mixinStandardHelpOptions = true,
        description = {"List the scheduled import orders of a worklist (MWL C-FIND).",
                "With --name and/or --birth-date, the orders are ranked against that identity like the import does"
                        + " (fuzzy name, birth date and sex as veto fields); the automatic choice is marked."})
public final class WorklistCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "AET@HOST:PORT", converter = DicomNodeConverter.class)
    DicomNode node;

    @Option(names = "--name", description = "Patient's name as on the medium (Family^Given or free form).")
    String name;

    @Option(names = "--birth-date", paramLabel = "YYYYMMDD")
    String birthDate;

    @Option(names = "--sex")
    String sex;

    @Option(names = "--calling-aet", defaultValue = "IMPORTDESK")
    String callingAet;

    @Override
    public Integer call() {
        java.util.Optional<String> tls = node.tls() ? ClientTls.fromConfiguration() : java.util.Optional.empty();
        if (tls.isPresent()) {
            System.err.println(tls.get());
            return 1;
        }
        DicomQueryClient client = new DicomQueryClient(callingAet);
        Reconciler reconciler = new Reconciler(client, CandidateScorer.defaults());
        try {
            if (blank(name) && blank(birthDate)) {
                List<Candidate> all = reconciler.listWorklist(node, null, null);
                System.out.println("accession\tpatient_id\tissuer\tname\tbirth_date\tsex\tprocedure");
                for (Candidate c : all) {
                    print(c, "");
                }
                return 0;
            }
            Demographics external = new Demographics("", "", name, birthDate, sex);
            Reconciliation r = reconciler.reconcile(external, Optional.of(node), Optional.empty());
            System.out.println("choice\tscore\taccession\tpatient_id\tissuer\tname\tbirth_date\tsex\tprocedure\treasons");
            for (ScoredCandidate s : r.ranked()) {
                String mark = r.chosen().isPresent() && r.chosen().get() == s ? "chosen" : s.vetoed() ? "vetoed" : "-";
                System.out.printf("%s\t%.2f\t", mark, s.score());
                print(s.candidate(), String.join("; ", s.reasons()));
            }
            System.err.println(r.explanation());
            return 0;
        } catch (DicomNetworkException e) {
            System.err.println("worklist query failed: " + e.getMessage());
            return 1;
        }
    }

    private static void print(Candidate c, String tail) {
        System.out.println(String.join("\t", c.accessionNumber(), c.demographics().patientId(), c.demographics().issuer(),
                c.demographics().name(), c.demographics().birthDate(), c.demographics().sex(),
                c.requestedProcedureDescription()) + (tail.isEmpty() ? "" : "\t" + tail));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
