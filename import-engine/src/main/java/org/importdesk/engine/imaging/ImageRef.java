package org.importdesk.engine.imaging;

import java.nio.file.Path;

/** One image of a series: a file and a 0-based frame of it. */
public record ImageRef(Path file, int frame) {
}
