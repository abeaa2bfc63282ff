package org.importdesk.mapping.io;

import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingValidator;
import org.importdesk.mapping.defaults.DefaultContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MomoSpreadsheetTest {

    static Path reference() {
        String root = System.getProperty("importdesk.root", ".");
        Path p = Path.of(root).resolve("../shared/reference/momo-reference-data").normalize();
        Path cwd = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p) && cwd != null) {
            p = cwd.resolve("shared/reference/momo-reference-data");
            cwd = cwd.getParent();
        }
        return p;
    }

    @Test
    void readsTheAuthorsSheetInBothFormatsAlike() throws Exception {
        Path dir = reference();
        assumeTrue(Files.isRegularFile(dir.resolve("Radiology_Procedures.xlsx")), "../shared/reference absent: " + dir);
        List<MomoSpreadsheet.MomoRow> xlsx = MomoSpreadsheet.read(dir.resolve("Radiology_Procedures.xlsx"));
        List<MomoSpreadsheet.MomoRow> csv = MomoSpreadsheet.read(dir.resolve("Radiology_Procedures.csv"));
        assertThat(xlsx).hasSize(76);
        assertThat(csv).isEqualTo(xlsx);
        MomoSpreadsheet.MomoRow ctta = xlsx.stream().filter(r -> r.code().equals("CTTA")).findFirst().orElseThrow();
        assertThat(ctta.minorErrorOf()).containsExactly("CTT", "CTAB");
        assertThat(ctta.modality()).isEqualTo("CT");
        assertThat(ctta.alternatives()).contains("thoraxabdomen", "chestabdomen");

        MomoSpreadsheet.ImportResult r = MomoSpreadsheet.toContent(DefaultContent.load(), xlsx);
        MappingContent c = r.content();
        assertThat(c.classes()).hasSize(76);
        assertThat(c.minorErrors()).anySatisfy(m -> {
            assertThat(m.trueClass()).isEqualTo("CTT");
            assertThat(m.predictedClass()).isEqualTo("CTTA");
        });
        assertThat(c.procedureCodes()).anySatisfy(p -> assertThat(p.codeValue()).isEqualTo("KTH"));
        assertThat(MappingValidator.hasErrors(new MappingValidator().validate(c))).isFalse();
    }

    @Test
    void exportedSheetsReadBackUnchanged(@TempDir Path tmp) throws Exception {
        List<MomoSpreadsheet.MomoRow> rows = MomoSpreadsheet.rows(DefaultContent.load());
        for (String name : new String[]{"out.xlsx", "out.csv"}) {
            Path f = tmp.resolve(name);
            MomoSpreadsheet.write(f, rows);
            assertThat(MomoSpreadsheet.read(f)).as(name).isEqualTo(rows);
        }
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("KWS");
            assertThat(r.minorErrorOf()).containsExactlyInAnyOrder("KHWS", "KBWS", "KLWS");
        });
    }
}
