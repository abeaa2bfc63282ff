package org.importdesk.app.ui.service;

import org.importdesk.engine.dicom.DicomUids;
import org.importdesk.engine.media.CancellationToken;
import org.importdesk.engine.media.FileStatus;
import org.importdesk.engine.media.MediumFile;
import org.importdesk.engine.media.MediumHealth;
import org.importdesk.engine.media.MediumListener;
import org.importdesk.engine.media.MediumProgress;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.MediumSource;
import org.importdesk.engine.media.NotPreviewable;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The medium screen over the engine's {@link MediumReader}: incremental studies, health summary, cancel. */
public final class EngineMediumService implements MediumService {

    private final MediumReader reader;
    private MediumScan open;

    public EngineMediumService(MediumReader reader) {
        this.reader = reader;
    }

    public EngineMediumService() {
        this(new MediumReader());
    }

    @Override
    public MediumContent read(Path source, Events events, BooleanSupplier cancelled) throws Exception {
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "importdesk-cancel-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleAtFixedRate(() -> {
            if (cancelled.getAsBoolean()) {
                token.cancel();
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        MediumScan scan;
        try {
            scan = reader.read(source, new MediumListener() {
                @Override
                public void fileDecided(MediumFile file, MediumProgress progress) {
                    events.progress(progress.filesDone(), progress.filesTotal());
                }

                @Override
                public void studyFound(PatientRecord patient, StudyRecord study, MediumProgress progress) {
                    events.studyFound(patient, study);
                }
            }, token);
        } finally {
            watcher.shutdownNow();
        }
        synchronized (this) {
            // a ZIP's file system must stay open while its study is viewed and sent: close the previous one
            if (open != null) {
                open.close();
            }
            open = scan;
        }
        MediumHealth h = scan.health();
        List<String> problems = new ArrayList<>();
        for (MediumFile f : scan.files(FileStatus.UNREADABLE, FileStatus.MISSING, FileStatus.OUTSIDE_MEDIUM)) {
            problems.add(f.displayPath() + " (" + f.status().label() + "): " + f.message());
        }
        for (NotPreviewable n : h.notPreviewable()) {
            problems.add(n.displayPath() + " (no preview): " + n.reason());
        }
        List<String> warnings = new ArrayList<>(h.warnings());
        MediumSource src = scan.source();
        String how = src.kind().name().toLowerCase() + (src.readThroughDicomdir() ? ", DICOMDIR" : ", scan")
                + (src.dicomdirProblem().isEmpty() ? "" : " (DICOMDIR not usable: " + src.dicomdirProblem() + ")");
        if (!h.transferSyntaxes().isEmpty()) {
            how += " · " + String.join(", ", h.transferSyntaxes().keySet().stream().map(DicomUids::transferSyntaxName).toList());
        }
        int problemsCount = h.count(FileStatus.UNREADABLE) + h.count(FileStatus.MISSING) + h.count(FileStatus.OUTSIDE_MEDIUM);
        return new MediumContent(source, how, scan.patients(), scan.files().size(), h.instances(), problemsCount,
                h.count(FileStatus.NOT_DICOM), h.notPreviewable().size(), problems, warnings, scan.complete());
    }
}
