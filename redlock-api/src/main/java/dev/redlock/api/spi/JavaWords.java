package dev.redlock.api.spi;

import java.util.Set;

/**
 * The reserved words of Java, for the names the generated code takes from user declarations (meta names, resource
 * names, placeholders). Kept here rather than taken from {@code javax.lang.model.SourceVersion}, so that the API,
 * which the extension runs with, needs no {@code java.compiler} module.
 */
final class JavaWords {

    /** Reserved words and literals: no identifier may take them (JLS 3.9, 3.10.3, 3.10.8; {@code _} since Java 9). */
    static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_");

    private JavaWords() {
    }
}
