package org.importdesk.engine.send;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SendQueueTest {
    private static SendItem item(String uid) {
        return new SendItem(uid, "1.2.840.10008.5.1.4.1.1.4", "1.2.3.9", "1.2.840.10008.1.2.1", Path.of("/medium/" + uid));
    }

    @Test
    void rowsAreWrittenBeforeSendingAndSurviveAReopen(@TempDir Path dir) throws Exception {
        try (SendQueue q = SendQueue.open(dir)) {
            q.enqueue("job1", "PACS@h:104", "1.2.3", List.of(item("1.1"), item("1.2"), item("1.3")), Map.of());
            q.markSending("job1", "1.1");
            q.markSent("job1", "1.1", "0000", "");
            q.markSending("job1", "1.2");
            q.markFailed("job1", "1.3", "A700", "out of resources");
        }
        try (SendQueue q = SendQueue.open(dir)) {
            List<QueueRow> rows = q.rows("job1");
            assertThat(rows).extracting(QueueRow::sopInstanceUid, QueueRow::state, QueueRow::attempts, QueueRow::acks)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("1.1", ItemState.SENT, 1, 1),
                            org.assertj.core.groups.Tuple.tuple("1.2", ItemState.SENDING, 1, 0),
                            org.assertj.core.groups.Tuple.tuple("1.3", ItemState.FAILED, 0, 0));
            assertThat(rows.stream().filter(r -> r.sopInstanceUid().equals("1.3")).findFirst().orElseThrow().status())
                    .isEqualTo("A700");
        }
    }

    @Test
    void enqueueingAgainKeepsTheStateOfEarlierRuns(@TempDir Path dir) throws Exception {
        try (SendQueue q = SendQueue.open(dir)) {
            q.enqueue("job1", "PACS@h:104", "1.2.3", List.of(item("1.1")), Map.of());
            q.markSending("job1", "1.1");
            q.markSent("job1", "1.1", "0000", "");
            q.enqueue("job1", "PACS@h:104", "1.2.3", List.of(item("1.1"), item("1.2")), Map.of("1.2", "2.25.7"));
            List<QueueRow> rows = q.rows("job1");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).state()).isEqualTo(ItemState.SENT);
            assertThat(rows.get(1).state()).isEqualTo(ItemState.PENDING);
            assertThat(rows.get(1).targetUid()).isEqualTo("2.25.7");
        }
    }

    @Test
    void presentDoesNotOverwriteAnAcknowledgedRow(@TempDir Path dir) throws Exception {
        try (SendQueue q = SendQueue.open(dir)) {
            q.enqueue("j", "PACS@h:104", "1.2.3", List.of(item("1.1"), item("1.2")), Map.of());
            q.markSending("j", "1.1");
            q.markSent("j", "1.1", "0000", "");
            q.markPresent("j", "1.1");
            q.markPresent("j", "1.2");
            assertThat(q.rows("j")).extracting(QueueRow::state).containsExactly(ItemState.SENT, ItemState.PRESENT);
        }
    }

    @Test
    void proposedContextsKeepTheOwnSyntaxAndOfferLittleEndian() {
        List<SendItem> items = List.of(
                new SendItem("1", "CT", "s", "1.2.840.10008.1.2.4.70", Path.of("a")),
                new SendItem("2", "CT", "s", "1.2.840.10008.1.2", Path.of("b")),
                new SendItem("3", "MR", "s", "1.2.840.10008.1.2.1", Path.of("c")));
        var pcs = StudySender.contexts(items);
        assertThat(pcs).extracting(pc -> pc.abstractSyntax() + " " + pc.transferSyntaxes()).containsExactly(
                "CT [1.2.840.10008.1.2.4.70]",
                "CT [1.2.840.10008.1.2, 1.2.840.10008.1.2.1]",
                "MR [1.2.840.10008.1.2.1, 1.2.840.10008.1.2]");
        assertThat(pcs).extracting(pc -> pc.id()).containsExactly(1, 3, 5);
    }

    @Test
    void derivedUidsAreStableValidAndDistinct() {
        String a = CoercionPlan.derivedUid("job", "1.2.3");
        assertThat(a).isEqualTo(CoercionPlan.derivedUid("job", "1.2.3")).startsWith("2.25.").hasSizeLessThanOrEqualTo(64)
                .matches("[0-9.]+");
        assertThat(CoercionPlan.derivedUid("job", "1.2.4")).isNotEqualTo(a);
        assertThat(CoercionPlan.derivedUid("other", "1.2.3")).isNotEqualTo(a);
    }

    @Test
    void jobsOfAStudyAreFoundByItsUidOnTheMediumAlsoUnderNewUids(@TempDir Path dir) throws Exception {
        try (SendQueue q = SendQueue.open(dir)) {
            // one study sent under new UIDs, complete; another interrupted; a third never sent
            q.enqueue("a", "PACS@h:104", "1.2.3", List.of(item("1.1"), item("1.2")), Map.of("1.1", "2.25.1", "1.2", "2.25.2"));
            for (String uid : List.of("1.1", "1.2")) {
                q.markSending("a", uid);
                q.markSent("a", uid, "0000", "");
                q.setConfirmed("a", uid, true);
            }
            q.enqueue("b", "PACS@h:104", "1.2.4", List.of(item("2.1"), item("2.2"), item("2.3")), Map.of());
            q.markSending("b", "2.1");
            q.markSent("b", "2.1", "0000", "");
            q.markSending("b", "2.2");
            q.markFailed("b", "2.3", "A700", "out of resources");
        }
        try (SendQueue q = SendQueue.open(dir)) {
            List<StudyJobSummary> jobs = q.jobsForStudies(List.of("1.2.3", "1.2.4", "1.2.5", "2.25.1"));
            assertThat(jobs).extracting(StudyJobSummary::studyUid).containsExactlyInAnyOrder("1.2.3", "1.2.4");
            StudyJobSummary a = jobs.stream().filter(j -> j.studyUid().equals("1.2.3")).findFirst().orElseThrow();
            assertThat(a.complete()).isTrue();
            assertThat(a.total()).isEqualTo(2);
            assertThat(a.sent()).isEqualTo(2);
            StudyJobSummary b = jobs.stream().filter(j -> j.studyUid().equals("1.2.4")).findFirst().orElseThrow();
            assertThat(b.complete()).isFalse();
            assertThat(List.of(b.total(), b.sent(), b.failed(), b.pending(), b.confirmed())).containsExactly(3, 1, 1, 1, 0);
            assertThat(q.jobsForStudies(List.of())).isEmpty();
        }
    }
}
