package org.importdesk.engine.media;

/** An item of Procedure Code Sequence or Requested Procedure Code Sequence. */
public record ProcedureCode(String codeValue, String codingSchemeDesignator, String codeMeaning) {
}
