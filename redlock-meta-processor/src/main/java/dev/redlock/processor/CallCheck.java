package dev.redlock.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

import org.jspecify.annotations.Nullable;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * Reports a resource of the wrong kind or of another meta passed to a meta bean's lock methods, before javac
 * attributes the call. Why: {@code lock} and {@code lockIsolate} are overloaded, and javac answers a wrong argument
 * of an overloaded generic method with a dump of every candidate, whose first line names only what was passed.
 * This check reads the call's source (javac's tree API; no types are attributed yet while processors run), so it
 * reports only what it can tell for sure: a receiver that is a field, parameter or local variable whose declared
 * type is a {@code @Meta} class, and an argument written as {@code X_.Lock.NAME} or {@code X_.Isolate.user(..)}
 * whose {@code X_} resolves through the imports or the package. Anything else is left to javac. An error here
 * stops the compilation before attribution, so it is the first and only error line of the call.
 */
final class CallCheck {

    private static final Set<String> LOCK_METHODS = Set.of("lock", "tryLock", "lockAsync", "isLocked");
    private static final Set<String> ISOLATE_METHODS = Set.of("lockIsolate", "lockIsolateAsync", "isLockedIsolate");
    private static final Set<String> LIST_FACTORIES = Set.of("List.of", "java.util.List.of", "Arrays.asList",
            "java.util.Arrays.asList");

    private final Trees trees;
    private final Elements elements;
    private final String metaAnnotation;

    private CallCheck(Trees trees, Elements elements, String metaAnnotation) {
        this.trees = trees;
        this.elements = elements;
        this.metaAnnotation = metaAnnotation;
    }

    /**
     * The check, when the compiler is javac.
     *
     * @param env            the processing environment
     * @param metaAnnotation the binary name of {@code @Meta}
     * @return the check, or {@code null} under another compiler (no tree API)
     */
    static @Nullable CallCheck of(ProcessingEnvironment env, String metaAnnotation) {
        try {
            return new CallCheck(Trees.instance(env), env.getElementUtils(), metaAnnotation);
        } catch (IllegalArgumentException | LinkageError e) {
            return null; // not javac: the generated types still make a wrong resource fail to compile
        }
    }

    /**
     * The compilation unit of a root element.
     *
     * @param root a root element of a round
     * @return its compilation unit, or {@code null} if it has no source (a class file)
     */
    @Nullable
    CompilationUnitTree unitOf(Element root) {
        TreePath path = trees.getPath(root);
        return path == null ? null : path.getCompilationUnit();
    }

    /**
     * Checks every meta-bean call of a compilation unit and reports the wrong resources.
     *
     * @param unit the compilation unit
     */
    void check(CompilationUnitTree unit) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                checkCall(call, getCurrentPath(), unit);
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(unit, null);
    }

    private void checkCall(MethodInvocationTree call, TreePath path, CompilationUnitTree unit) {
        if (!(call.getMethodSelect() instanceof MemberSelectTree select) || call.getArguments().isEmpty()) {
            return;
        }
        String method = select.getIdentifier().toString();
        boolean isolate = ISOLATE_METHODS.contains(method);
        if (!isolate && !LOCK_METHODS.contains(method)) {
            return;
        }
        TypeElement meta = receiverMeta(select.getExpression(), path, unit);
        if (meta == null) {
            return;
        }
        String pkg = packageOf(meta);
        String expected = (pkg.isEmpty() ? "" : pkg + ".") + RedlockProcessor.generatedName(meta, pkg)
                + (isolate ? ".Isolate" : ".Lock");
        ExpressionTree first = call.getArguments().get(0);
        List<ExpressionTree> resources = new ArrayList<>();
        if (first instanceof MethodInvocationTree list && method.equals("lock")
                && LIST_FACTORIES.contains(list.getMethodSelect().toString())) {
            resources.addAll(list.getArguments());
        } else {
            resources.add(first);
        }
        for (ExpressionTree resource : resources) {
            String actual = resourceType(resource, unit);
            if (actual != null && !actual.equals(expected)) {
                trees.printMessage(Diagnostic.Kind.ERROR, ProcessorMessages.wrongResource(
                        meta.getSimpleName() + "#" + method, expected, resource.toString(), actual,
                        meta.getQualifiedName().toString(), isolate ? "isolate" : "lock"), resource, unit);
            }
        }
    }

    /** {@code pkg.X_.Lock} for {@code X_.Lock.NAME} or {@code X_.Lock.user(..)}; {@code null} if unsure. */
    private @Nullable String resourceType(ExpressionTree resource, CompilationUnitTree unit) {
        ExpressionTree e = resource instanceof MethodInvocationTree m ? m.getMethodSelect() : resource;
        if (!(e instanceof MemberSelectTree constant)
                || !(constant.getExpression() instanceof MemberSelectTree kind)) {
            return null;
        }
        String k = kind.getIdentifier().toString();
        if (!k.equals("Lock") && !k.equals("Isolate")) {
            return null;
        }
        String owner = kind.getExpression().toString();
        if (!owner.endsWith("_")) {
            return null;
        }
        String qualified = owner.contains(".") ? owner : resolveGenerated(owner, unit);
        return qualified == null ? null : qualified + "." + k;
    }

    /** The qualified name of a generated {@code X_} named by its simple name; {@code null} if unsure. */
    private @Nullable String resolveGenerated(String simple, CompilationUnitTree unit) {
        String meta = simple.substring(0, simple.length() - 1);
        return resolve(simple, unit, candidate -> exists(candidate)
                || exists(candidate.substring(0, candidate.length() - simple.length()) + meta));
    }

    /** The qualified name of a type named by its simple name in {@code unit}: imports, package, on demand. */
    private @Nullable String resolve(String simple, CompilationUnitTree unit, Predicate<String> exists) {
        for (ImportTree i : unit.getImports()) {
            String name = i.getQualifiedIdentifier().toString();
            if (!i.isStatic() && name.endsWith("." + simple)) {
                return name;
            }
        }
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        String same = pkg.isEmpty() ? simple : pkg + "." + simple;
        if (exists.test(same)) {
            return same;
        }
        String found = null;
        for (ImportTree i : unit.getImports()) {
            String name = i.getQualifiedIdentifier().toString();
            if (!i.isStatic() && name.endsWith(".*")) {
                String candidate = name.substring(0, name.length() - 1) + simple;
                if (exists.test(candidate)) {
                    if (found != null) {
                        return null;
                    }
                    found = candidate;
                }
            }
        }
        return found;
    }

    private boolean exists(String qualifiedName) {
        return elements.getTypeElement(qualifiedName) != null;
    }

    /** The {@code @Meta} class a receiver is declared as; {@code null} if unsure or not a meta. */
    private @Nullable TypeElement receiverMeta(ExpressionTree receiver, TreePath path, CompilationUnitTree unit) {
        String name;
        boolean fieldOnly = false;
        if (receiver instanceof IdentifierTree id) {
            name = id.getName().toString();
        } else if (receiver instanceof MemberSelectTree s && s.getExpression().toString().equals("this")) {
            name = s.getIdentifier().toString();
            fieldOnly = true;
        } else {
            return null;
        }
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (t instanceof ClassTree) {
                Element c = trees.getElement(p);
                if (c instanceof TypeElement type) {
                    for (Element member : elements.getAllMembers(type)) {
                        if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
                            return metaOf(member.asType());
                        }
                    }
                }
                if (fieldOnly) {
                    return null;
                }
                continue;
            }
            if (fieldOnly) {
                continue;
            }
            Tree declared = localDeclaration(t, name);
            if (declared != null) {
                return declared instanceof VariableTree v && v.getType() != null
                        ? metaNamed(v.getType().toString(), unit)
                        : null;
            }
        }
        return null;
    }

    /**
     * A declaration of {@code name} directly in {@code t} (a parameter, a variable of a block, loop, {@code try} or
     * {@code catch}): its variable tree, or {@code t} itself when its type is not written ({@code var}, a lambda
     * parameter without type); {@code null} when {@code t} declares no such name.
     */
    private static @Nullable Tree localDeclaration(Tree t, String name) {
        List<? extends Tree> candidates;
        if (t instanceof MethodTree m) {
            candidates = m.getParameters();
        } else if (t instanceof LambdaExpressionTree l) {
            candidates = l.getParameters();
        } else if (t instanceof BlockTree b) {
            candidates = b.getStatements();
        } else if (t instanceof EnhancedForLoopTree f) {
            candidates = List.of(f.getVariable());
        } else if (t instanceof ForLoopTree f) {
            candidates = f.getInitializer();
        } else if (t instanceof TryTree r) {
            candidates = r.getResources();
        } else if (t instanceof CatchTree c) {
            candidates = List.of(c.getParameter());
        } else if (t instanceof InstanceOfTree || t instanceof CaseTree) {
            return t; // a pattern may bind the name: unsure
        } else {
            return null;
        }
        for (Tree c : candidates) {
            if (c instanceof VariableTree v && v.getName().contentEquals(name)) {
                return v.getType() == null || v.getType().toString().equals("var") ? t : v;
            }
        }
        return null;
    }

    private @Nullable TypeElement metaNamed(String typeName, CompilationUnitTree unit) {
        if (typeName.contains("<")) {
            return null;
        }
        String qualified = typeName.contains(".") ? typeName : resolve(typeName, unit, this::exists);
        TypeElement type = qualified == null ? null : elements.getTypeElement(qualified);
        return type == null ? null : metaOf(type.asType());
    }

    private @Nullable TypeElement metaOf(TypeMirror type) {
        if (!(type instanceof DeclaredType d) || !(d.asElement() instanceof TypeElement t)) {
            return null;
        }
        boolean meta = t.getAnnotationMirrors().stream().anyMatch(a -> ((TypeElement) a.getAnnotationType()
                .asElement()).getQualifiedName().contentEquals(metaAnnotation));
        return meta && t.getKind() == ElementKind.CLASS ? t : null;
    }

    private static String packageOf(Element e) {
        Element p = e;
        while (!(p instanceof PackageElement)) {
            p = p.getEnclosingElement();
        }
        return ((PackageElement) p).getQualifiedName().toString();
    }
}
