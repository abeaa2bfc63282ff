package org.importdesk.app.ui;

import org.importdesk.app.ui.service.EngineMediumService;
import org.importdesk.app.ui.service.MediaDetector;
import org.importdesk.app.ui.service.Services;
import org.importdesk.viewer.BasicSeriesImaging;

import java.util.Optional;

/** The services over the engine pieces this build has. */
public final class StandardServices {
    private StandardServices() {
    }

    public static Services create() {
        return new Services(new EngineMediumService(), MediaDetector.forThisMachine(), new BasicSeriesImaging(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
