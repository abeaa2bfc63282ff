/**
 * Reading patient media. Entry point: {@link org.importdesk.engine.media.MediumReader}:
 * <pre>{@code
 * try (MediumScan scan = new MediumReader().read(path, listener, cancelToken)) {
 *     for (StudyRecord study : scan.studies()) {
 *         PatientRecord patient = scan.patientOf(study).orElseThrow();
 *         ...
 *     }
 *     scan.files(FileStatus.UNREADABLE);   // rows, with the reason in message()
 *     scan.health();                       // counts, transfer syntaxes, not previewable, warnings
 * }
 * }</pre>
 * The tree ({@code patients()}) holds every usable instance: OK and UNREFERENCED ({@code scan.unreferenced(instance)}
 * tells them apart), duplicates collapsed. Close the scan when done with a ZIP: its instance paths live in the ZIP's
 * file system. Listener callbacks come on the reading thread, in the final row order.
 */
package org.importdesk.engine.media;
