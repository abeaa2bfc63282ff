package org.importdesk.mapping;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.importdesk.mapping.defaults.DefaultContent;

/** Writes ImportDesk's default content into a new database (logged as by {@value DefaultContent#AUTHOR}). */
public final class V2__Default_content extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MappingContent current = MappingStore.load(context.getConnection());
        MappingStore.writeDiff(context.getConnection(), current, DefaultContent.load(), DefaultContent.AUTHOR, null);
    }
}
