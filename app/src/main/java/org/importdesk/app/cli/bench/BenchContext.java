package org.importdesk.app.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every bench part gets.
 *
 * @param corpus      the folder of DICOM files to measure on (default ../shared/corpus); may not exist
 * @param size        the network input size (S) for parts that need one
 * @param repetitions how often timed loops repeat (the best and the median are reported)
 */
public record BenchContext(Path corpus, int size, int repetitions, PrintStream out) {
}
