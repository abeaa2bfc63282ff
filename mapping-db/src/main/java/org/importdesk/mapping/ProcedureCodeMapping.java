package org.importdesk.mapping;

/** A procedure code (value and coding scheme; scheme {@value #ANY_SCHEME} matches any) that means a class. */
public record ProcedureCodeMapping(String codeValue, String codingScheme, String classCode) {
    public static final String ANY_SCHEME = "*";
}
