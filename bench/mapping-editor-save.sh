#!/bin/sh
# Rows written and time of one keyword saved from the mapping editor, before and after the fix (see the Java file).
# Usage: bench/mapping-editor-save.sh [rounds]   (from the repository root)
set -e
./mvnw -o -B -q compile -pl mapping-db
./mvnw -o -B -q dependency:build-classpath -pl mapping-db -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-mapping.cp  # written under mapping-db/
exec java -cp "mapping-db/target/classes:$(cat mapping-db/target/bench-mapping.cp)" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/mapping-editor-save/MappingEditorSave.java "${1:-8}"
