package dev.redlock.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.jspecify.annotations.Nullable;

import com.sun.source.tree.CompilationUnitTree;

import dev.redlock.api.spi.MetaNames;
import dev.redlock.api.spi.ResourceDeclaration;

/**
 * The javac annotation processor of Redlock for Jakarta CDI: gives each redlock meta typed resources
 * ({@code <Class>_.Lock}, {@code <Class>_.Isolate}), gives each module its scope class
 * ({@code ScopeModule<PascalName>}), and writes the build-time index {@code META-INF/redlock/index}
 * (see {@code IndexFile} for its format).
 *
 * <p>Why the work is split over rounds: the generated {@code <Class>_} types do not exist in the round that sees
 * the meta class, so its {@code extends BeanRedlockBase<...>} clause still holds error types there. That check is
 * deferred to the next round (the generated sources are then entered), and in the last round it falls back to
 * comparing names. The index is an aggregate of every round and is written once, in the last round.
 *
 * <p>Diagnostics carry an {@code RL3xxx} code and are reported on the narrowest element, annotation and value;
 * processing continues past them, so one compilation reports every problem. The processor never claims the
 * annotations. The full rules are in {@code docs/resources.md}.
 */
@SupportedAnnotationTypes("*") // also the classes without a redlock annotation: CallCheck reads their calls
public final class RedlockProcessor extends AbstractProcessor {

    static final String META = "dev.redlock.api.Meta";
    static final String RESOURCES = "dev.redlock.api.RedlockResources";
    static final String MODULE = "dev.redlock.api.Module";
    private static final Set<String> OURS = Set.of(META, RESOURCES, MODULE);
    private static final String BASE = "dev.redlock.api.BeanRedlockBase";
    private static final String RESOURCES_SIMPLE = "@RedlockResources";

    private Elements elements;
    private @Nullable CallCheck calls;
    /** The compilation units whose calls were checked. */
    private final Set<Object> checkedUnits = new HashSet<>();
    private Types types;
    private Messager messager;

    /** The entries of an index left by an earlier compilation; read in the first round. */
    private @Nullable List<String> previousIndex;
    /** Valid modules of this compilation: name → package. */
    private final Map<String, String> modules = new TreeMap<>();
    /** Packages whose {@code @Module} was already validated (and reported, if bad). */
    private final Map<String, String> checkedModulePackages = new HashMap<>();
    /** Metas of this compilation that belong to a module, by binary name. */
    private final Map<String, MetaInfo> metas = new TreeMap<>();
    /** Every {@code @Meta} class seen, valid or not, by binary name: the earlier index must not resurrect them. */
    private final Set<String> seenMetas = new HashSet<>();
    /** Modules whose scope class was generated: module name → its class name. */
    private final Map<String, String> generatedScopes = new HashMap<>();
    /** Redlock metas whose {@code extends} clause is still to check: canonical name → generated canonical name. */
    private final Map<String, String> pendingSupertypes = new LinkedHashMap<>();

    /** Creates the processor; javac instantiates it through {@code META-INF/services}. */
    public RedlockProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        elements = env.getElementUtils();
        types = env.getTypeUtils();
        messager = env.getMessager();
        calls = CallCheck.of(env, META);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (previousIndex == null && annotations.stream().anyMatch(a -> OURS.contains(
                    a.getQualifiedName().toString()))) {
                // read once something of ours is compiled: a compilation without redlock annotations (the
                // processor runs on all of them, for CallCheck) neither reads nor writes the index
                previousIndex = IndexFile.readPrevious(processingEnv.getFiler());
            }
            checkSupertypes(round.processingOver());
            if (round.processingOver()) {
                writeIndex();
            } else {
                processRound(round);
            }
        } catch (RuntimeException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, ProcessorMessages.unexpected(e));
        }
        return false;
    }

    private void processRound(RoundEnvironment round) {
        TypeElement module = elements.getTypeElement(MODULE);
        TypeElement meta = elements.getTypeElement(META);
        TypeElement resources = elements.getTypeElement(RESOURCES);
        if (module == null || meta == null || resources == null) {
            return; // redlock-api is not on the class path: nothing of ours can be annotated
        }
        checkCalls(round);
        for (Element e : round.getElementsAnnotatedWith(module)) {
            if (e instanceof PackageElement p) {
                moduleOf(p, p);
            }
        }
        for (Element e : round.getElementsAnnotatedWith(resources)) {
            if (mirror(e, META) == null) {
                error(ProcessorMessages.resourcesWithoutMeta(where(e)), e, mirror(e, RESOURCES), null);
            }
        }
        Map<String, List<MetaInfo>> touched = new TreeMap<>();
        for (Element e : round.getElementsAnnotatedWith(meta)) {
            if (e instanceof TypeElement type) {
                try {
                    MetaInfo info = processMeta(type);
                    if (info != null) {
                        touched.computeIfAbsent(info.module(), k -> new ArrayList<>()).add(info);
                    }
                } catch (RuntimeException ex) { // report on this meta and go on with the others
                    error(ProcessorMessages.unexpected(ex), type, null, null);
                }
            }
        }
        touched.forEach(this::writeScope);
    }

    /** Checks, generates for and registers one {@code @Meta} class; returns it if it joins its module's scope. */
    private @Nullable MetaInfo processMeta(TypeElement type) {
        String where = where(type);
        AnnotationMirror metaMirror = mirror(type, META);
        String binary = elements.getBinaryName(type).toString();
        seenMetas.add(binary);
        boolean joinsScope = checkShape(type, metaMirror, where);

        String name = metaName(type, metaMirror, where);
        joinsScope &= name != null;

        ModuleRef module = moduleOf(type, type);
        if (module == null) {
            error(ProcessorMessages.metaOutsideModule(where, packageOf(type).getQualifiedName().toString()), type,
                    metaMirror, null);
        }
        joinsScope &= module != null && module.name() != null;
        boolean inSubPackage = module != null
                && !module.packageName().equals(packageOf(type).getQualifiedName().toString());
        if (joinsScope && inSubPackage && !isPublic(type)) {
            error(ProcessorMessages.badMetaShape(where, "a @Meta class in a sub-package of its module's package "
                    + module.packageName() + " must be public, as must its enclosing classes, so that the"
                    + " generated scope class can use it", "make it public"), type, metaMirror, null);
            joinsScope = false;
        }

        AnnotationMirror resourcesMirror = mirror(type, RESOURCES);
        List<String> lock = List.of();
        List<String> isolate = List.of();
        if (resourcesMirror != null) {
            List<ResourceDeclaration> lockTemplates = resources(type, resourcesMirror, "lock");
            List<ResourceDeclaration> isolateTemplates = resources(type, resourcesMirror, "isolate");
            lock = lockTemplates.stream().map(ResourceDeclaration::declaration).toList();
            isolate = isolateTemplates.stream().map(ResourceDeclaration::declaration).toList();
            @Nullable
            String fullName = joinsScope ? MetaNames.fullName(module.name(), name) : null;
            writeMetamodel(type, fullName, lockTemplates, isolateTemplates);
        } else if (extendsBase(type)) {
            messager.printMessage(Diagnostic.Kind.WARNING, ProcessorMessages.missingResources(where), type,
                    metaMirror);
        }
        if (!joinsScope) {
            return null;
        }
        MetaInfo info = new MetaInfo(module.name(), name, type.getQualifiedName().toString(), binary, lock, isolate);
        for (MetaInfo other : metas.values()) {
            if (other.module().equals(info.module()) && other.name().equals(name)) {
                error(ProcessorMessages.duplicateMetaName(where, info.module(), name, other.canonicalName()), type,
                        metaMirror, value(metaMirror, "name"));
                return null;
            }
        }
        if (generatedScopes.containsKey(info.module())) {
            error(ProcessorMessages.lateMeta(where, info.module(), generatedScopes.get(info.module())), type,
                    metaMirror, null);
            return null;
        }
        metas.put(binary, info);
        return info;
    }

    /** Reports a meta class the generated code cannot name; returns whether the class may join the scope. */
    private boolean checkShape(TypeElement type, AnnotationMirror metaMirror, String where) {
        if (type.getKind() != ElementKind.CLASS) {
            error(ProcessorMessages.badMetaShape(where, "@Meta must annotate a class, was "
                    + type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    "declare a class extending BeanRedlockBase"), type, metaMirror, null);
            return false;
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS
                    || (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC))) {
                error(ProcessorMessages.badMetaShape(where, "a @Meta class must be top-level or a static member class",
                        "move it to its own file or make it static"), type, metaMirror, null);
                return false;
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                error(ProcessorMessages.badMetaShape(where, "a @Meta class must not be private, nor nested in a"
                        + " private class", "make it package-private or public"), type, metaMirror, null);
                return false;
            }
        }
        return true;
    }

    /** The meta name, or {@code null} after reporting it invalid. */
    private @Nullable String metaName(TypeElement type, AnnotationMirror metaMirror, String where) {
        AnnotationValue explicit = value(metaMirror, "name");
        String name = explicit != null && explicit.getValue() instanceof String s && !s.isEmpty()
                ? s
                : MetaNames.metaName(type.getSimpleName().toString());
        String why = MetaNames.metaNameProblem(name);
        if (why != null) {
            error(ProcessorMessages.invalidMetaName(where, name, why), type, metaMirror, explicit);
            return null;
        }
        return name;
    }

    /**
     * A module as found from one of its classes.
     *
     * @param name        the module name, or {@code null} if it is invalid (reported once, on the package)
     * @param packageName the annotated package
     */
    private record ModuleRef(@Nullable String name, String packageName) {
    }

    /**
     * The module of {@code element}: the nearest package from its own upwards annotated {@code @Module}, or
     * {@code null} if there is none.
     */
    private @Nullable ModuleRef moduleOf(Element element, Element context) {
        String name = packageOf(element).getQualifiedName().toString();
        while (!name.isEmpty()) {
            PackageElement p = packageElement(name, context);
            AnnotationMirror m = p == null ? null : mirror(p, MODULE);
            if (m != null) {
                return new ModuleRef(checkModule(p, m), name);
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return null;
    }

    /** Validates and registers the {@code @Module} of {@code p} once; returns its name, or null if invalid. */
    private @Nullable String checkModule(PackageElement p, AnnotationMirror m) {
        String packageName = p.getQualifiedName().toString();
        if (checkedModulePackages.containsKey(packageName)) {
            return checkedModulePackages.get(packageName);
        }
        AnnotationValue v = value(m, "value");
        String module = v != null && v.getValue() instanceof String s ? s : "";
        String valid = null;
        if (!MetaNames.isValidModuleName(module)) {
            error(ProcessorMessages.invalidModuleName(packageName, module), p, m, v);
        } else if (modules.containsKey(module) && !modules.get(module).equals(packageName)) {
            error(ProcessorMessages.duplicateModuleName(packageName, module, modules.get(module)), p, m, v);
        } else {
            modules.put(module, packageName);
            valid = module;
        }
        checkedModulePackages.put(packageName, valid);
        return valid;
    }

    private @Nullable PackageElement packageElement(String name, Element context) {
        ModuleElement module = elements.getModuleOf(context);
        PackageElement p = module == null || module.isUnnamed() ? null : elements.getPackageElement(module, name);
        return p != null ? p : elements.getPackageElement(name);
    }

    /**
     * Parses one attribute of {@code @RedlockResources} with the shared grammar; reports every problem on its value
     * and returns the valid declarations.
     */
    private List<ResourceDeclaration> resources(TypeElement type, AnnotationMirror mirror, String attribute) {
        String where = where(type) + " " + RESOURCES_SIMPLE + "(" + attribute + ")";
        AnnotationValue list = value(mirror, attribute);
        List<ResourceDeclaration> valid = new ArrayList<>();
        if (list == null || !(list.getValue() instanceof List<?> values)) {
            return valid;
        }
        List<AnnotationValue> constants = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        for (Object o : values) {
            if (o instanceof AnnotationValue v && v.getValue() instanceof String declaration) {
                constants.add(v);
                declarations.add(declaration);
            } // else not a constant: javac reports it
        }
        List<ResourceDeclaration.Result> results = ResourceDeclaration.parseAll(declarations);
        for (int i = 0; i < results.size(); i++) {
            ResourceDeclaration.Result r = results.get(i);
            AnnotationValue v = constants.get(i);
            r.problems().forEach(p -> error(ProcessorMessages.badResource(where, r.declaration(), p), type, mirror, v));
            if (r.parsed() != null) {
                valid.add(r.parsed());
            }
        }
        return valid;
    }

    /** Checks the meta-bean calls of the round's new compilation units ({@link CallCheck}). */
    private void checkCalls(RoundEnvironment round) {
        CallCheck check = calls;
        if (check == null) {
            return;
        }
        for (Element root : round.getRootElements()) {
            CompilationUnitTree unit = check.unitOf(root);
            if (unit != null && checkedUnits.add(unit)) {
                check.check(unit);
            }
        }
    }

    private void writeMetamodel(TypeElement type, @Nullable String fullName, List<ResourceDeclaration> lock,
            List<ResourceDeclaration> isolate) {
        PackageElement pkg = packageOf(type);
        String packageName = pkg.getQualifiedName().toString();
        String reference = relativeName(type, packageName);
        String generated = generatedName(type, packageName);
        String qualified = packageName.isEmpty() ? generated : packageName + "." + generated;
        String source = MetamodelSource.write(packageName, reference, generated, fullName, lock, isolate,
                canUseGenerated(type));
        if (writeSource(qualified, source, type)) {
            pendingSupertypes.put(type.getQualifiedName().toString(), qualified);
        }
    }

    private void writeScope(String module, List<MetaInfo> roundMetas) {
        String packageName = modules.get(module);
        String className = "ScopeModule" + MetaNames.pascalCase(module);
        Map<String, MetaInfo> all = new TreeMap<>();
        roundMetas.forEach(m -> all.put(m.binaryName(), m));
        for (MetaInfo m : previousMetas()) {
            if (m.module().equals(module)) {
                all.putIfAbsent(m.binaryName(), m);
            }
        }
        List<MetaInfo> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(MetaInfo::name));
        List<Element> origins = new ArrayList<>();
        for (MetaInfo m : sorted) {
            TypeElement t = elements.getTypeElement(m.canonicalName());
            if (t != null) {
                origins.add(t);
            }
        }
        String source = ScopeModuleSource.write(module, packageName, className, sorted,
                origins.isEmpty() || canUseGenerated(origins.get(0)));
        writeSource(packageName + "." + className, source, origins.toArray(new Element[0]));
        generatedScopes.put(module, packageName + "." + className);
    }

    /**
     * Whether generated code next to {@code element} can use {@code javax.annotation.processing.Generated}: always on
     * the class path; in a named module only if it requires {@code java.compiler}, which applications rarely do, so
     * the annotation is left out there rather than breaking the build.
     */
    private boolean canUseGenerated(Element element) {
        if (elements.getTypeElement("javax.annotation.processing.Generated") == null) {
            return false;
        }
        ModuleElement module = elements.getModuleOf(element);
        if (module == null || module.isUnnamed()) {
            return true;
        }
        for (ModuleElement.RequiresDirective r : ElementFilter.requiresIn(module.getDirectives())) {
            if (r.getDependency().getQualifiedName().contentEquals("java.compiler")) {
                return true;
            }
        }
        return false;
    }

    private boolean writeSource(String qualifiedName, String source, Element... origins) {
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(qualifiedName, origins);
            try (Writer w = file.openWriter()) {
                w.write(source);
            }
            return true;
        } catch (IOException e) {
            Element at = origins.length > 0 ? origins[0] : null;
            error(ProcessorMessages.cannotWrite(at == null ? qualifiedName : where(at), qualifiedName, e), at, null,
                    null);
            return false;
        }
    }

    /**
     * Checks the {@code extends} clause of the redlock metas generated for in an earlier round. Defers a check whose
     * types are still unresolved, unless this is the last round: there it compares the names as written.
     */
    private void checkSupertypes(boolean last) {
        var it = pendingSupertypes.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            TypeElement type = elements.getTypeElement(entry.getKey());
            if (type == null || new SupertypeCheck(type, entry.getValue()).run(last)) {
                it.remove();
            }
        }
    }

    /** One check of a redlock meta's {@code BeanRedlockBase} type arguments; see {@link #checkSupertypes}. */
    private final class SupertypeCheck {
        private final TypeElement type;
        private final String generated;
        private final String generatedSimple;

        SupertypeCheck(TypeElement type, String generated) {
            this.type = type;
            this.generated = generated;
            this.generatedSimple = generated.substring(generated.lastIndexOf('.') + 1);
        }

        /** Returns {@code false} to try again in a later round. */
        boolean run(boolean last) {
            TypeMirror current = type.asType();
            while (true) {
                List<? extends TypeMirror> supers = types.directSupertypes(current);
                TypeMirror sup = supers.isEmpty() ? null : supers.get(0);
                if (sup == null || sup.getKind() == TypeKind.NONE) {
                    return report(ProcessorMessages.notBeanRedlockBase(where(type),
                            String.valueOf(type.getSuperclass()), generatedSimple));
                }
                if (sup.getKind() != TypeKind.DECLARED) {
                    return last; // unresolved superclass: javac reports it
                }
                TypeElement e = (TypeElement) ((DeclaredType) sup).asElement();
                if (e.getQualifiedName().contentEquals(BASE)) {
                    return checkArguments(((DeclaredType) sup).getTypeArguments(), last);
                }
                if (e.getQualifiedName().contentEquals("java.lang.Object")) {
                    return report(ProcessorMessages.notBeanRedlockBase(where(type),
                            String.valueOf(type.getSuperclass()), generatedSimple));
                }
                current = sup;
            }
        }

        private boolean checkArguments(List<? extends TypeMirror> args, boolean last) {
            if (args.size() != 2) {
                return report(ProcessorMessages.wrongTypeArguments(where(type), "the raw type", generatedSimple));
            }
            boolean ok = true;
            String[] nested = {"Lock", "Isolate"};
            for (int i = 0; i < 2; i++) {
                TypeMirror arg = args.get(i);
                String expected = generated + "." + nested[i];
                if (arg.getKind() == TypeKind.ERROR) {
                    if (!last) {
                        return false;
                    }
                    String written = arg.toString();
                    ok &= written.equals(expected) || written.equals(generatedSimple + "." + nested[i]);
                } else if (arg.getKind() == TypeKind.DECLARED) {
                    ok &= ((TypeElement) ((DeclaredType) arg).asElement()).getQualifiedName().contentEquals(expected);
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                report(ProcessorMessages.wrongTypeArguments(where(type), "<" + args.get(0) + ", " + args.get(1) + ">",
                        generatedSimple));
            }
            return true;
        }

        private boolean report(String message) {
            error(message, type, null, null);
            return true;
        }
    }

    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private boolean extendsBase(TypeElement type) {
        TypeElement base = elements.getTypeElement(BASE);
        return base != null && types.isSubtype(types.erasure(type.asType()), types.erasure(base.asType()));
    }

    /** The metas of the earlier index that this compilation did not see and whose class still is a meta. */
    private List<MetaInfo> previousMetas() {
        List<MetaInfo> kept = new ArrayList<>();
        for (String line : previousIndex) {
            IndexFile.parseMeta(line).ifPresent(m -> {
                if (!seenMetas.contains(m.binaryName())) {
                    TypeElement t = elements.getTypeElement(m.canonicalName());
                    if (t != null && mirror(t, META) != null) {
                        kept.add(m);
                    }
                }
            });
        }
        return kept;
    }

    private void writeIndex() {
        if (modules.isEmpty() && seenMetas.isEmpty()) {
            return; // nothing of ours compiled: leave any earlier index alone
        }
        SortedSet<String> lines = new TreeSet<>();
        modules.forEach((name, pkg) -> lines.add(IndexFile.moduleLine(name, pkg)));
        metas.values().forEach(m -> lines.add(IndexFile.metaLine(m)));
        previousMetas().forEach(m -> lines.add(IndexFile.metaLine(m)));
        Set<String> modulePackages = new LinkedHashSet<>(modules.values());
        for (String line : previousIndex) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("module") && !modules.containsKey(f[1])
                    && !modulePackages.contains(f[2])) {
                PackageElement p = elements.getPackageElement(f[2]);
                AnnotationMirror m = p == null ? null : mirror(p, MODULE);
                AnnotationValue v = m == null ? null : value(m, "value");
                if (v != null && f[1].equals(v.getValue())) {
                    lines.add(line);
                }
            }
        }
        try {
            IndexFile.write(processingEnv.getFiler(), lines);
        } catch (IOException e) {
            error(ProcessorMessages.cannotWrite("RedlockProcessor", IndexFile.PATH, e), null, null, null);
        }
    }

    private void error(String message, @Nullable Element element, @Nullable AnnotationMirror mirror,
            @Nullable AnnotationValue value) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }

    private static @Nullable AnnotationMirror mirror(Element e, String annotation) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return m;
            }
        }
        return null;
    }

    /** The value written for {@code attribute}, or {@code null} if it takes its default. */
    private static @Nullable AnnotationValue value(@Nullable AnnotationMirror m, String attribute) {
        if (m == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }

    private PackageElement packageOf(Element e) {
        return elements.getPackageOf(e);
    }

    private String where(Element e) {
        return e instanceof TypeElement t ? t.getQualifiedName().toString() : e.toString();
    }

    /** The name of {@code type} as written in its own package: {@code MetaRedlock}, {@code Outer.MetaRedlock}. */
    private static String relativeName(TypeElement type, String packageName) {
        String q = type.getQualifiedName().toString();
        return packageName.isEmpty() ? q : q.substring(packageName.length() + 1);
    }

    /** {@code MetaRedlock_}; for a member class, its enclosing names joined by {@code _}: {@code Outer_MetaRedlock_}. */
    static String generatedName(TypeElement type, String packageName) {
        return relativeName(type, packageName).replace('.', '_') + "_";
    }
}
