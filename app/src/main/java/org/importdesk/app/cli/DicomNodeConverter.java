package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DicomNode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** AET@HOST:PORT on the command line. */
public final class DicomNodeConverter implements ITypeConverter<DicomNode> {
    @Override
    public DicomNode convert(String value) {
        try {
            return DicomNode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
