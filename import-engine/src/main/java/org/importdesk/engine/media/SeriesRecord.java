package org.importdesk.engine.media;

import java.util.List;
import java.util.Optional;

/**
 * One series of a study on a medium, with the metadata MOMO reads and its instances in display order.
 *
 * @param icon the DICOMDIR's icon image for this series (or one of its images), when the medium has one
 */
public record SeriesRecord(String seriesInstanceUid, String modality, int seriesNumber, String seriesDescription,
                           String bodyPartExamined, String protocolName, List<InstanceRecord> instances,
                           Optional<IconImage> icon) {
}
