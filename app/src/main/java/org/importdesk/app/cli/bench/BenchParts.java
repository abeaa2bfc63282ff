package org.importdesk.app.cli.bench;

import java.util.List;

/** The registered bench parts, in report order. Add new parts here (one line each). */
public final class BenchParts {
    public static final List<BenchPart> ALL = List.of(
            new ThumbnailBench(),
            new MipBench(),
            new InputBench(),
            new ModelBench()
    );

    private BenchParts() {
    }
}
