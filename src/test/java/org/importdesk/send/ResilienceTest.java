package org.importdesk.send;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.ItemState;
import org.importdesk.engine.send.QueueRow;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Must show: kill -9 mid-send then rerun; PACS down during a send (retry until back, or give up and say what is missing). */
class ResilienceTest {

    private static Path geOrSkip() {
        Path ge = Corpus.corpus("dcm_qa_ge");
        assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        return ge;
    }

    @Test
    void killMinus9InTheMiddleThenRerunCompletesWithoutSendingAnyInstanceTwice(@TempDir Path tmp) throws Exception {
        Path ge = geOrSkip();
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"))) {
            String[] args = {"import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--patient-id", "LOC-9", "--issuer", "HOSP-A", "--to", orthanc.node().toString(), "--format", "tsv",
                    "--associations", "1", "--data-dir", tmp.resolve("data").toString()};
            Process p = Cli.start(tmp.resolve("first-run.log"), args);
            int atKill = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline) {
                int n = orthanc.instanceCount();
                if (n >= 40) {
                    p.destroyForcibly(); // SIGKILL
                    atKill = n;
                    break;
                }
                Thread.sleep(10);
            }
            p.waitFor(30, TimeUnit.SECONDS);
            assertThat(atKill).as("killed in the middle; log: %s", Files.readString(tmp.resolve("first-run.log")))
                    .isBetween(40, 143);
            assertThat(p.exitValue()).isEqualTo(137);

            Cli.Result rerun = Cli.run(args);
            assertThat(rerun.exitCode()).as(rerun.out()).isZero();
            List<String[]> rows = rerun.tsvRows();
            assertThat(rows).hasSize(144).allSatisfy(r -> assertThat(r[4]).isEqualTo("yes"));
            assertThat(orthanc.instanceCount()).isEqualTo(144);
            // the queue proves it: no instance acknowledged twice; what the first run had sent was not sent again
            assertThat(rows).allSatisfy(r -> assertThat(Integer.parseInt(r[6])).as("acks of %s", r[0]).isLessThanOrEqualTo(1));
            long sentByFirstRunOnly = rows.stream().filter(r -> r[2].equals("sent") && r[5].equals("1")).count();
            long resent = rows.stream().filter(r -> Integer.parseInt(r[5]) > 1).count();
            assertThat(resent).as("only the instance in flight at the kill may be tried twice").isLessThanOrEqualTo(1);
            assertThat(rows.stream().filter(r -> r[2].equals("present")).count() + sentByFirstRunOnly).isGreaterThan(0);
            try (SendQueue q = SendQueue.open(tmp.resolve("data"))) {
                List<QueueRow> qr = q.rows(StudySender.jobId(orthanc.node(), Corpus.GE_STUDY, "LOC-9", false));
                assertThat(qr).hasSize(144);
                assertThat(qr.stream().mapToInt(QueueRow::acks).sum()
                        + qr.stream().filter(r -> r.state() == ItemState.PRESENT).count()).isEqualTo(144);
            }
        }
    }

    @Test
    void pacsStoppedDuringTheSendIsRetriedUntilItIsBack(@TempDir Path tmp) throws Exception {
        Path ge = geOrSkip();
        List<SendItem> items = items(ge, 50);
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"));
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            AtomicInteger failures = new AtomicInteger();
            Thread[] restart = new Thread[1];
            StudySender sender = new StudySender(queue, options(Duration.ofSeconds(60)), new StudySender.SendListener() {
                @Override
                public void sent(QueueRow row, int done, int total) {
                    if (done == 20) {
                        stopQuietly(orthanc);
                        restart[0] = new Thread(() -> {
                            try {
                                Thread.sleep(2000);
                                orthanc.startProcess();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        restart[0].start();
                    }
                }

                @Override
                public void networkFailure(String message, long backoffMillis) {
                    failures.incrementAndGet();
                }
            });
            SendReport report = sender.send(orthanc.node(), Corpus.GE_STUDY, items, plan());
            restart[0].join();
            assertThat(failures.get()).as("the PACS was down for a while").isPositive();
            assertThat(report.complete()).as(report.warnings().toString()).isTrue();
            assertThat(report.gaveUp()).isFalse();
            assertThat(report.rows()).hasSize(50).allSatisfy(r -> assertThat(r.acks()).isEqualTo(1));
            assertThat(orthanc.instanceCount()).isEqualTo(50);
        }
    }

    @Test
    void whenToldToGiveUpItReportsExactlyTheInstancesThatAreMissing(@TempDir Path tmp) throws Exception {
        Path ge = geOrSkip();
        List<SendItem> items = items(ge, 50);
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"));
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            StudySender sender = new StudySender(queue, options(Duration.ofMillis(1500)), new StudySender.SendListener() {
                @Override
                public void sent(QueueRow row, int done, int total) {
                    if (done == 20) {
                        stopQuietly(orthanc);
                    }
                }
            });
            SendReport report = sender.send(orthanc.node(), Corpus.GE_STUDY, items, plan());
            assertThat(report.gaveUp()).isTrue();
            assertThat(report.complete()).isFalse();

            orthanc.startProcess();
            Set<String> inPacs = sopInstanceUids(orthanc);
            Set<String> expectedMissing = items.stream().map(SendItem::sopInstanceUid)
                    .filter(u -> !inPacs.contains(u)).collect(Collectors.toSet());
            assertThat(inPacs).hasSize(20);
            assertThat(report.missing().stream().map(QueueRow::sopInstanceUid).collect(Collectors.toSet()))
                    .isEqualTo(expectedMissing).hasSize(30);
            assertThat(report.missing()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ItemState.PENDING));
        }
    }

    private static void stopQuietly(OrthancFixture orthanc) {
        try {
            orthanc.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SendOptions options(Duration giveUp) {
        return SendOptions.defaults("IMPORTDESK").withAssociations(1).withGiveUpAfter(giveUp)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    private static CoercionPlan plan() {
        return new CoercionPlan("LOC-7", "HOSP-A", null, null, null, null, "MR-HEAD", "MR Kopf", "99IMPORTDESK", true,
                true, "dicom", "", "ImportDesk");
    }

    static List<SendItem> items(Path dir, int max) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".txt"))
                    .sorted().limit(max).toList();
        }
        List<SendItem> out = new ArrayList<>();
        for (Path f : files) {
            DicomHeader h = DicomFiles.pixelMed().readHeader(f);
            out.add(new SendItem(h.sopInstanceUid(), h.sopClassUid(), h.seriesInstanceUid(), h.transferSyntaxUid(), f));
        }
        return out;
    }

    static Set<String> sopInstanceUids(OrthancFixture orthanc) throws Exception {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("\"SOPInstanceUID\"\\s*:\\s*\"([^\"]+)\"").matcher(orthanc.get("/instances?expand"));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
