package org.importdesk.app.ui.service;

/** DICOM verification (C-ECHO) of a node given as AET@HOST:PORT; called off the FX thread. */
public interface EchoService {

    /** Returns a line for people ("answered in 12 ms"); throws with the reason when the node does not answer. */
    String echo(String node) throws Exception;
}
