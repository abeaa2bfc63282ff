package org.importdesk.engine.send;

import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.InstanceCoercion;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the import changes in every instance of the study (IHE IRWF.b coercion). Null fields are left as the medium
 * has them.
 *
 * @param localPatientId        Patient ID at this site
 * @param localIssuer           Issuer of Patient ID at this site
 * @param patientName           local Patient's Name, or null
 * @param birthDate             local Patient's Birth Date (YYYYMMDD), or null
 * @param sex                   local Patient's Sex, or null
 * @param accessionNumber       from the matched order, or null
 * @param classCode             the confirmed class (goes into Procedure Code Sequence when {@code codeIntoProcedure})
 * @param classDisplayName      the class's display name (becomes Study Description when {@code classIntoDescription})
 * @param classScheme           Coding Scheme Designator of the class code
 * @param externalPatientId     the patient ID on the medium (kept in Other Patient IDs Sequence)
 * @param externalIssuer        its issuer (may be empty)
 * @param modifyingSystem       Modifying System in Original Attributes Sequence
 */
public record CoercionPlan(String localPatientId, String localIssuer, String patientName, String birthDate, String sex,
                           String accessionNumber, String classCode, String classDisplayName, String classScheme,
                           boolean classIntoDescription, boolean codeIntoProcedure, String externalPatientId,
                           String externalIssuer, String modifyingSystem) {

    /** The coercion for one instance at time {@code when}; {@code uidMap} is empty unless new UIDs were asked for. */
    public InstanceCoercion coercion(OffsetDateTime when, Map<String, String> uidMap) {
        Map<Integer, String> values = new LinkedHashMap<>();
        put(values, DicomTag.PATIENT_ID, localPatientId);
        put(values, DicomTag.ISSUER_OF_PATIENT_ID, localIssuer);
        put(values, DicomTag.PATIENT_NAME, patientName);
        put(values, DicomTag.PATIENT_BIRTH_DATE, birthDate);
        put(values, DicomTag.PATIENT_SEX, sex);
        put(values, DicomTag.ACCESSION_NUMBER, accessionNumber);
        if (classIntoDescription && classDisplayName != null && !classDisplayName.isBlank()) {
            values.put(DicomTag.STUDY_DESCRIPTION, classDisplayName);
        }
        Optional<InstanceCoercion.Code> code = codeIntoProcedure && classCode != null && !classCode.isBlank()
                ? Optional.of(new InstanceCoercion.Code(classCode, classScheme,
                classDisplayName == null || classDisplayName.isBlank() ? classCode : classDisplayName))
                : Optional.empty();
        List<InstanceCoercion.OtherPatientId> others = externalPatientId == null || externalPatientId.isBlank()
                || (externalPatientId.equals(localPatientId) && nullToEmpty(externalIssuer).equals(nullToEmpty(localIssuer)))
                ? List.of()
                : List.of(new InstanceCoercion.OtherPatientId(externalPatientId, nullToEmpty(externalIssuer)));
        return new InstanceCoercion(values, code, others, uidMap, modifyingSystem, nullToEmpty(externalIssuer), when);
    }

    private static void put(Map<Integer, String> values, int tag, String v) {
        if (v != null) {
            values.put(tag, v);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A new UID for {@code old}, the same every time for the same job (so a resumed import sends under the same UIDs):
     * 2.25 followed by a name-based UUID as a decimal number.
     */
    public static String derivedUid(String jobId, String old) {
        UUID u = UUID.nameUUIDFromBytes((jobId + "/" + old).getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
