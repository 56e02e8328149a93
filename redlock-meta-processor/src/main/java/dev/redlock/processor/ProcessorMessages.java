package dev.redlock.processor;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.redlock.api.spi.ResourceDeclaration;

/**
 * Every diagnostic of the processor, one static factory per code, so that the codes stay unique and tests can
 * assert on the code while the wording evolves. Format: {@code RLnnnn: <where>: <what is wrong>[, was X][; fix]}.
 *
 * <p>{@code where} is the annotated class, optionally followed by the annotation attribute:
 * {@code com.example.student.MetaRedlock @RedlockResources(isolate)}.
 */
final class ProcessorMessages {

    private ProcessorMessages() {
    }

    /**
     * A problem the resource grammar found in a declaration ({@code RL3001}–{@code RL3009}); the reason and the fix
     * are the grammar's own, so that the extension's {@code RL2006} for the same declaration gives the same ones.
     */
    static String badResource(String where, String declaration, ResourceDeclaration.Problem problem) {
        String code = switch (problem.kind()) {
            case UNBALANCED_BRACES -> "RL3001";
            case EMPTY_PLACEHOLDER -> "RL3002";
            case PLACEHOLDER_NOT_IDENTIFIER -> "RL3003";
            case DUPLICATE_PLACEHOLDER -> "RL3004";
            case ILLEGAL_CHARACTER -> "RL3005";
            case EMPTY -> "RL3006";
            case DUPLICATE_RESOURCE -> "RL3007";
            case NAME_CLASH -> "RL3008";
            case UNUSABLE_NAME -> "RL3009";
        };
        return code + ": " + where + ": resource '" + declaration + "': " + problem.reason() + "; "
                + problem.kind().fix();
    }

    static String resourcesWithoutMeta(String where) {
        return "RL3010: " + where + ": @RedlockResources without @Meta has no effect; annotate the class with @Meta"
                + " or remove @RedlockResources";
    }

    static String metaOutsideModule(String where, String packageName) {
        return "RL3011: " + where + ": @Meta class is in no module: neither " + describePackage(packageName)
                + " nor a parent package is annotated @Module; add a package-info.java with @Module(\"my-module\")"
                + " to " + describePackage(packageName) + " or a parent package";
    }

    static String invalidModuleName(String packageName, String name) {
        return "RL3012: package " + packageName + ": @Module name is invalid, was '" + name
                + "'; use lower-case words of letters and digits joined by single hyphens, such as demo-student";
    }

    static String notBeanRedlockBase(String where, String superclass, String generated) {
        return "RL3013: " + where + ": a redlock meta (annotated @RedlockResources) must extend BeanRedlockBase, was "
                + superclass + "; declare 'extends BeanRedlockBase<" + generated + ".Lock, " + generated
                + ".Isolate>'";
    }

    static String wrongTypeArguments(String where, String actual, String generated) {
        return "RL3014: " + where + ": the BeanRedlockBase type arguments must be this meta's generated "
                + generated + ".Lock and " + generated + ".Isolate, was " + actual + "; declare 'extends BeanRedlockBase<"
                + generated + ".Lock, " + generated + ".Isolate>'";
    }

    static String invalidMetaName(String where, String name, String why) {
        return "RL3015: " + where + ": meta name '" + name + "' is invalid: " + why + "; use lower camel case"
                + " letters and digits, such as redlock, with @Meta(name = \"...\") or by renaming the class";
    }

    static String duplicateMetaName(String where, String module, String name, String other) {
        return "RL3016: " + where + ": module " + module + " already has a meta named '" + name + "' (" + other
                + "); give one of them another name with @Meta(name = \"...\")";
    }

    static String badMetaShape(String where, String what, String fix) {
        return "RL3017: " + where + ": " + what + "; " + fix;
    }

    static String missingResources(String where) {
        return "RL3018: " + where + ": extends BeanRedlockBase without @RedlockResources, so its resources are not"
                + " checked at compile time; add @RedlockResources(lock = {...}, isolate = {...})";
    }

    static String duplicateModuleName(String packageName, String name, String otherPackage) {
        return "RL3019: package " + packageName + ": module name '" + name + "' is already used by package "
                + otherPackage + "; give each module its own name";
    }

    static String cannotWrite(String where, String file, Exception e) {
        return "RL3020: " + where + ": cannot write " + file + ": " + e + "; remove or rename the existing class or"
                + " file of that name";
    }

    static String lateMeta(String where, String module, String scopeClass) {
        return "RL3021: " + where + ": this meta of module " + module + " appeared in a later annotation-processing"
                + " round, after " + scopeClass + " was generated; declare it in source rather than generating it";
    }

    static String wrongResource(String where, String expected, String argument, String actual, String meta,
            String attribute) {
        return "RL3022: " + where + " takes a " + expected + ", was " + argument + " (a " + actual + "); pass one of"
                + " its resources, or declare the resource in @RedlockResources(" + attribute + " = ...) of " + meta;
    }

    static String unexpected(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        return "RL3999: RedlockProcessor failed unexpectedly; please report this with the stack trace: " + sw;
    }

    private static String describePackage(String packageName) {
        return packageName.isEmpty() ? "the unnamed package" : "package " + packageName;
    }
}
