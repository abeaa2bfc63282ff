package org.importdesk.app.ui.model;

import javafx.concurrent.Task;
import org.importdesk.app.ui.StandardServices;
import org.importdesk.app.ui.TaskRunner;
import org.importdesk.app.ui.service.MappingService;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.ModalityRemap;
import org.importdesk.mapping.StudyClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MOMO sheet imported in the team lead's editor: the draft is the sheet's, also in the parts the editor has no table
 * for (modality remaps, PET map, settings); entries the import dropped do not come back from the loaded content.
 */
@ExtendWith(ApplicationExtension.class)
class MappingSheetImportTest {

    @Test
    void theDraftTakesTheSheetsRemapsPetMapAndSettings(@TempDir Path home) throws Exception {
        MappingService service = StandardServices.create(home).mapping().orElseThrow();
        try (TaskRunner tasks = new TaskRunner()) {
            MappingViewModel model = WaitForAsyncUtils.asyncFx(() -> new MappingViewModel(service, tasks)).get();
            WaitForAsyncUtils.asyncFx(() -> model.load("load")).get();
            finish(model);
            MappingContent stored = service.load();
            assertThat(stored.petMap()).isNotEmpty();
            assertThat(stored.settings().keySet()).anyMatch(k -> k.startsWith(MappingContent.PET_DEFAULT_PREFIX));

            // a sheet without the PET classes and with a class of a modality the table has no remap for
            List<StudyClass> classes = new ArrayList<>(stored.classes().stream().filter(c -> !c.modality().equals("PT")).toList());
            classes.add(new StudyClass("OTSCAN", "Scanned document", "Gescanntes Dokument", "OT", true));
            Path sheet = home.resolve("momo.csv");
            service.exportSpreadsheet(stored.withClasses(classes), sheet);
            MappingContent imported = service.importSpreadsheet(sheet).draft();
            assertThat(imported.petMap()).as("the import drops the PET map of classes not in the sheet").isEmpty();
            assertThat(imported.modalityRemaps()).contains(new ModalityRemap("OT", "OT", 1));

            WaitForAsyncUtils.asyncFx(() -> model.importSheet(sheet, "import")).get();
            finish(model);
            MappingContent draft = WaitForAsyncUtils.asyncFx(model::draft).get();
            assertThat(draft.petMap()).isEqualTo(imported.petMap());
            assertThat(draft.modalityRemaps()).isEqualTo(imported.modalityRemaps());
            assertThat(draft.settings()).isEqualTo(imported.settings());
            assertThat(draft.settings().keySet()).noneMatch(k -> k.startsWith(MappingContent.PET_DEFAULT_PREFIX));
            assertThat(draft.minorErrors()).isEqualTo(imported.minorErrors());
            assertThat(draft.exactDescriptions()).isEqualTo(imported.exactDescriptions());
            assertThat(draft.voteRules()).isEqualTo(imported.voteRules());
            assertThat(draft.classes()).isEqualTo(imported.classes());
            assertThat(model.dirty.get()).isTrue();
        }
    }

    /** Waits for the editor's latest task and the FX work its result does. */
    private static void finish(MappingViewModel model) throws Exception {
        Task<?> t = WaitForAsyncUtils.asyncFx(() -> model.lastTask().get()).get();
        t.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
