package org.importdesk.engine.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What storage commitment (N-ACTION, then the PACS's N-EVENT-REPORT) said about one import, as the audit record keeps
 * it: whether it was asked for, how many instances the PACS took responsibility for, which it refused and why.
 *
 * @param transactionUid the Transaction UID of the request, empty when none was sent
 * @param requested      instances listed in the request
 * @param committed      instances the PACS reported committed
 * @param failures       SOP Instance UID (as sent) to the Failure Reason the PACS reported (0 when it gave none)
 * @param unanswered     instances the report did not mention, or all of them when no report came in time
 * @param note           why the request could not be made (state {@link State#REQUEST_FAILED}) or why no report
 *                       arrived (state {@link State#UNANSWERED}, e.g. a refused TLS handshake); empty otherwise
 */
public record StorageCommitmentAudit(State state, String transactionUid, int requested, int committed,
                                     Map<String, Integer> failures, int unanswered, String note) {

    public enum State {
        /** no commitment was asked for (not configured, or nothing reached the PACS) */
        NOT_REQUESTED("not-requested"),
        /** every instance requested was committed */
        COMMITTED("committed"),
        /** some instances committed, others failed or were not answered */
        PARTIAL("partial"),
        /** the PACS refused every instance */
        FAILED("failed"),
        /** no report arrived in time: nothing known to be committed */
        UNANSWERED("unanswered"),
        /** the N-ACTION itself failed (refused, no association) */
        REQUEST_FAILED("request-failed");

        private final String code;

        State(String code) {
            this.code = code;
        }

        /** The value written to the audit message. */
        public String code() {
            return code;
        }

        public static State ofCode(String code) {
            for (State s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown storage commitment state '" + code + "'");
        }
    }

    public StorageCommitmentAudit {
        Objects.requireNonNull(state, "state");
        transactionUid = transactionUid == null ? "" : transactionUid;
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        note = note == null ? "" : note;
    }

    public static StorageCommitmentAudit notRequested() {
        return new StorageCommitmentAudit(State.NOT_REQUESTED, "", 0, 0, Map.of(), 0, "");
    }

    public static StorageCommitmentAudit requestFailed(String why) {
        return new StorageCommitmentAudit(State.REQUEST_FAILED, "", 0, 0, Map.of(), 0, why);
    }

    /** The state follows from the counts. */
    public static StorageCommitmentAudit of(String transactionUid, int requested, int committed,
                                            Map<String, Integer> failures, int unanswered) {
        State state;
        if (requested == 0) {
            state = State.NOT_REQUESTED;
        } else if (committed == requested) {
            state = State.COMMITTED;
        } else if (failures.size() == requested) {
            state = State.FAILED;
        } else if (unanswered == requested) {
            state = State.UNANSWERED;
        } else {
            state = State.PARTIAL;
        }
        return new StorageCommitmentAudit(state, transactionUid, requested, committed, failures, unanswered, "");
    }

    /** The same outcome with a note (why the request failed, or why no report arrived); empty for none. */
    public StorageCommitmentAudit withNote(String why) {
        return new StorageCommitmentAudit(state, transactionUid, requested, committed, failures, unanswered, why);
    }

    public boolean requestedAtAll() {
        return state != State.NOT_REQUESTED;
    }

    /**
     * The audit outcome this commitment alone implies: 0 when committed or not asked for; 4 (minor failure) when some
     * or all instances are not known to be committed; 8 (serious failure) when the PACS refused every instance.
     */
    public int outcomeIndicator() {
        return switch (state) {
            case NOT_REQUESTED, COMMITTED -> 0;
            case PARTIAL, UNANSWERED, REQUEST_FAILED -> 4;
            case FAILED -> 8;
        };
    }

    /** One line for people: "144 of 144 committed", "142 of 144 committed, 2 failed", "no report in time". */
    public String summary() {
        return switch (state) {
            case NOT_REQUESTED -> "storage commitment not requested";
            case REQUEST_FAILED -> "storage commitment request failed" + (note.isEmpty() ? "" : ": " + note);
            case UNANSWERED -> "storage commitment not answered in time (" + requested + " requested)"
                    + (note.isEmpty() ? "" : ": " + note);
            default -> committed + " of " + requested + " committed"
                    + (failures.isEmpty() ? "" : ", " + failures.size() + " failed")
                    + (unanswered == 0 ? "" : ", " + unanswered + " unanswered");
        };
    }

    /** The meaning of a Failure Reason (PS3.4 C.14 / PS3.7 C.4.1.1.2), or "reason XXXX". */
    public static String reasonText(int reason) {
        return switch (reason) {
            case 0x0110 -> "processing failure";
            case 0x0112 -> "no such object instance";
            case 0x0213 -> "resource limitation";
            case 0x0122 -> "referenced SOP class not supported";
            case 0x0119 -> "class-instance conflict";
            case 0x0131 -> "duplicate transaction UID";
            case 0 -> "no reason given";
            default -> "reason " + String.format("%04X", reason);
        };
    }
}
