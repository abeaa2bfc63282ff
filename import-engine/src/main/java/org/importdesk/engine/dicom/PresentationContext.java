package org.importdesk.engine.dicom;

import java.util.List;

/**
 * A presentation context as proposed (abstract syntax with transfer syntaxes) and, after negotiation, its outcome.
 *
 * @param id               odd number 1-255
 * @param abstractSyntax   SOP class UID
 * @param transferSyntaxes proposed transfer syntaxes, preferred first
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes) {
}
