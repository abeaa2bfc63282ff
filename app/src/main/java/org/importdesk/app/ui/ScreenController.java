package org.importdesk.app.ui;

import javafx.scene.Node;

/** A screen's controller: told when its screen comes up, names the control that gets the keyboard focus. */
public interface ScreenController {

    /** Called on the FX thread each time the screen is shown. */
    default void shown() {
    }

    Node focusTarget();
}
