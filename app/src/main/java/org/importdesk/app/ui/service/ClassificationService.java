package org.importdesk.app.ui.service;

import org.importdesk.engine.media.StudyRecord;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MOMO's proposal for a study and the classes to choose from; called off the FX thread. */
public interface ClassificationService {

    /** One class of the hospital's table, with its display name in the UI language. */
    record ClassChoice(String code, String name, String modality) {
        public String label() {
            return code + "  " + name;
        }
    }

    /**
     * @param classCode empty when MOMO has no prediction
     * @param decider   the deciding layer (procedure-code, keyword, series-vote, network, merged, none, ...)
     * @param reasons   why, one line each: "StudyDescription 'CT Schädel nativ' matched 'schaedel' (CTS)"
     * @param votes     votes per class that decided, when a vote decided
     * @param rules     vote rules applied, in order
     */
    record Proposal(Optional<String> classCode, double confidence, String decider, List<String> reasons,
                    Map<String, Double> votes, List<String> rules) {
    }

    Proposal propose(StudyRecord study) throws Exception;

    List<ClassChoice> classes(String language) throws Exception;

    /** The classes one minor error away from {@code code} (more general or more specific), nearest first. */
    List<String> neighbours(String code) throws Exception;
}
