package org.importdesk.engine.dicom;

/** DICOM attribute tags as {@code (group << 16) | element}, the only tag currency outside this package. */
public final class DicomTag {
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int CODE_MEANING = 0x00080104;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int PROCEDURE_CODE_SEQUENCE = 0x00081032;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int OTHER_PATIENT_IDS_SEQUENCE = 0x00101002;
    public static final int BODY_PART_EXAMINED = 0x00180015;
    public static final int SLICE_THICKNESS = 0x00180050;
    public static final int PROTOCOL_NAME = 0x00181030;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int IMAGE_POSITION_PATIENT = 0x00200032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    public static final int SLICE_LOCATION = 0x00201041;
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int WINDOW_CENTER = 0x00281050;
    public static final int WINDOW_WIDTH = 0x00281051;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int REQUESTED_PROCEDURE_DESCRIPTION = 0x00321060;
    public static final int REQUESTED_PROCEDURE_CODE_SEQUENCE = 0x00321064;
    public static final int PERFORMED_PROCEDURE_STEP_DESCRIPTION = 0x00400254;
    public static final int PIXEL_DATA = 0x7FE00010;

    // DICOMDIR
    public static final int REFERENCED_FILE_ID = 0x00041500;
    public static final int REFERENCED_SOP_CLASS_UID_IN_FILE = 0x00041510;
    public static final int REFERENCED_SOP_INSTANCE_UID_IN_FILE = 0x00041511;
    public static final int REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE = 0x00041512;
    public static final int DIRECTORY_RECORD_TYPE = 0x00041430;
    public static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;
    public static final int RECORD_IN_USE_FLAG = 0x00041410;
    public static final int ICON_IMAGE_SEQUENCE = 0x00880200;

    private DicomTag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static String format(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
