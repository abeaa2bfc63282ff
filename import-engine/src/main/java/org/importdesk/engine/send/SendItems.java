package org.importdesk.engine.send;

import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.util.ArrayList;
import java.util.List;

/** The queue items of a study read from a medium. */
public final class SendItems {
    private SendItems() {
    }

    public static List<SendItem> of(StudyRecord study) {
        List<SendItem> out = new ArrayList<>();
        for (SeriesRecord s : study.series()) {
            for (InstanceRecord i : s.instances()) {
                out.add(new SendItem(i.sopInstanceUid(), i.sopClassUid(), s.seriesInstanceUid(), i.transferSyntaxUid(),
                        i.file()));
            }
        }
        return out;
    }
}
