package org.importdesk.engine.dicom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to change in an instance when it is imported (IHE IRWF.b "coercion"), and how to record it.
 *
 * @param values          top-level attributes set to new values (an empty string makes the attribute empty)
 * @param procedureCode   replaces Procedure Code Sequence with this single item when present
 * @param otherPatientIds items appended to Other Patient IDs Sequence (the external identities)
 * @param uidMap          old UID to new UID, applied to every UI attribute at any depth (empty: keep UIDs)
 * @param modifyingSystem Modifying System (0400,0563)
 * @param sourceOfPreviousValues Source of Previous Values (0400,0564), for example the external issuer
 * @param when            Attribute Modification DateTime and Instance Coercion DateTime
 */
public record InstanceCoercion(Map<Integer, String> values, Optional<Code> procedureCode,
                               List<OtherPatientId> otherPatientIds, Map<String, String> uidMap,
                               String modifyingSystem, String sourceOfPreviousValues, OffsetDateTime when) {

    public InstanceCoercion {
        values = Map.copyOf(values);
        otherPatientIds = List.copyOf(otherPatientIds);
        uidMap = Map.copyOf(uidMap);
    }

    /** A coded entry (Code Value, Coding Scheme Designator, Code Meaning). */
    public record Code(String value, String scheme, String meaning) {
    }

    /** An item of Other Patient IDs Sequence. */
    public record OtherPatientId(String patientId, String issuer) {
    }

    public boolean changesNothing() {
        return values.isEmpty() && procedureCode.isEmpty() && otherPatientIds.isEmpty() && uidMap.isEmpty();
    }
}
