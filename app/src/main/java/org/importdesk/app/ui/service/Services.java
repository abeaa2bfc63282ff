package org.importdesk.app.ui.service;

import org.importdesk.viewer.SeriesImaging;

import java.util.Optional;

/**
 * The engine as the screens use it. A service that this build does not have yet is empty; its screen then says so
 * instead of pretending.
 */
public record Services(MediumService medium, MediaDetector media, SeriesImaging imaging,
                       Optional<ClassificationService> classification,
                       Optional<ReconciliationService> reconciliation,
                       Optional<ImportService> importer,
                       Optional<HistoryService> history,
                       Optional<MappingService> mapping,
                       Optional<DecisionLog> decisions,
                       WorkstationSettings settings,
                       Optional<EchoService> echo) {
}
