package org.importdesk.app.cli.bench;

/**
 * One part of {@code importdesk bench}. To add a part: implement this and add an instance to
 * {@link BenchParts#ALL}; {@code --what} selects parts by {@link #name()}.
 */
public interface BenchPart {

    /** The name {@code --what} uses, e.g. "thumbnails". */
    String name();

    /** One line for {@code --help} and the report header. */
    String description();

    /** Runs the measurement and prints its figures to {@code context.out()}. Throws only when it cannot run. */
    void run(BenchContext context) throws Exception;
}
