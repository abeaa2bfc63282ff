package org.importdesk.engine.classify;

import java.util.Set;

/**
 * Words of procedure names that are not anatomy: never typo-corrected into a keyword, and allowed as parts of
 * compounds ("kniegelenk" = knie + gelenk, "roentgenthorax" = roentgen + thorax).
 */
final class KnownWords {

    private static final Set<String> WORDS = Set.of(
            // modalities and techniques
            "ct", "cat", "mr", "mri", "mrt", "nmr", "irm", "rm", "rmn", "tdm", "tc", "tac", "xr", "xray", "ray", "rx",
            "cr", "dx", "us", "ultrasound", "ultrasonography", "sonography", "sonographie", "sonografie", "sono",
            "echography", "echographie", "ecografia", "ecografie", "doppler", "duplex", "colour", "color", "pet", "petct",
            "spect", "nm", "scintigraphy", "scintigraphie", "szintigraphie", "szintigrafie", "scan", "scans", "scanner",
            "fluoro", "fluoroscopy", "fluoroscopic", "radiograph", "radiography", "radiographs", "radiographie",
            "roentgen", "rontgen", "radiologie", "tomography", "tomographie", "tomografia", "imaging", "study", "studies",
            "exam", "examination", "procedure", "untersuchung", "examen", "esame", "estudio", "onderzoek", "mammo",
            // contrast, laterality, views, protocol words
            "with", "without", "contrast", "enhanced", "nonenhanced", "unenhanced", "noncontrast", "plain", "native",
            "nativ", "kontrast", "kontrastmittel", "mit", "ohne", "und", "and", "oder", "the", "left", "right",
            "bilateral", "bilat", "both", "links", "rechts", "beidseits", "gauche", "droit", "droite", "sinistro",
            "sinistra", "destro", "destra", "izquierdo", "izquierda", "derecho", "derecha", "views", "view", "minimum",
            "complete", "limited", "routine", "standard", "protocol", "protokoll", "series", "serie", "single",
            "lateral", "oblique", "obliques", "axial", "sagittal", "coronal", "frontal", "standing", "weight",
            "bearing", "portable", "stress", "flexion", "extension", "dynamic", "perfusion", "diffusion", "spectroscopy",
            "tractography", "functional", "guided", "guidance", "biopsy", "aspiration", "drainage", "injection",
            "intervention", "interventional", "screening", "diagnostic", "staging", "follow", "trauma", "initial",
            "emergency", "urgent", "infant", "pediatric", "paediatric", "neonatal", "adult", "helical", "spiral",
            "multiphase", "triphasic", "phase", "arterial", "venous", "delayed", "early", "late", "post", "pre",
            "postop", "preop", "operative", "reconstruction", "reformat", "reformats", "volume", "thin", "slices",
            "mobile", "bedside", "surgery", "special", "other", "unlisted", "outside", "consult", "review", "second",
            "opinion", "import", "foreign", "external", "fremd", "fremdaufnahme", "fremdbilder", "fremdbefund",
            "aufnahme", "aufnahmen", "zielaufnahme", "zielaufnahmen", "ebenen", "ebene", "gelenk", "gelenke",
            "uebersicht", "region", "bereich", "weichteile", "weichteil", "knochen", "skelett", "angiographie",
            "angiography", "nuclear", "medicine", "quantitative", "uptake", "tumor", "tumour", "mass", "lesion",
            "pain", "infection", "fracture", "abscess", "cancer", "metastases", "nodule", "cyst");

    /** Words that may form part of a compound next to a keyword word. */
    private static final Set<String> COMPOUND_PARTS = Set.of(
            "gelenk", "gelenke", "gelenks", "uebersicht", "aufnahme", "aufnahmen", "zielaufnahme", "region", "bereich",
            "weichteile", "weichteil", "knochen", "skelett", "serie", "sonographie", "sonografie", "sono", "ct", "mrt",
            "mr", "roentgen", "rontgen", "angiographie", "angiografie", "angio", "szintigraphie", "szintigrafie",
            "doppler", "duplex", "nativ", "tomographie", "diagnostik", "untersuchung", "spiral", "spirale", "leer",
            "leeraufnahme", "ganz", "gesamt", "teil", "scan", "echo", "graphie", "grafie", "gram", "graphy", "scopie",
            "n", "s", "en", "e");

    static boolean contains(String w) {
        return WORDS.contains(w);
    }

    static boolean isCompoundPart(String w) {
        return COMPOUND_PARTS.contains(w);
    }

    private KnownWords() {
    }
}
