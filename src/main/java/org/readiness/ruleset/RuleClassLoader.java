package org.readiness.ruleset;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader that rules are compiled and run against: the application's, remembering the names it does
 * not have. MVEL tries every identifier of a constraint as a class name in every imported package, so compiling
 * the ruleset (and the first use of each constraint) asks for thousands of classes that do not exist. In the
 * packaged service every such miss re-opens an application jar (Quarkus' runner class loader lets go of its jar
 * files once started), which was 59% of a reload's time. A name the application did not have when asked never
 * appears later: its classes are fixed for the life of the process, and classes Drools generates are defined in
 * Drools' own child loaders, not here. What a class loader does have is answered by it as before.
 * <p>
 * The Java compiler that builds the rules' consequences looks up the {@code .class} resource of every type it
 * meets, and asks whether names are packages, the same way; those lookups are kept too (found or not), for the
 * same reason: the application's resources do not change while it runs.
 */
final class RuleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** What each application class loader was asked, shared by every compile in this process. */
    private static final Map<ClassLoader, Lookups> LOOKUPS = new WeakHashMap<>();

    private record Lookups(Set<String> missingClasses, Map<String, Optional<URL>> resources) {
    }

    private final Lookups lookups;

    private RuleClassLoader(ClassLoader parent, Lookups lookups) {
        super("readiness-rules", parent);
        this.lookups = lookups;
    }

    /** The context class loader of the calling thread, remembering its misses. */
    static ClassLoader ofContext() {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (parent instanceof RuleClassLoader) {
            return parent;
        }
        Lookups lookups;
        synchronized (LOOKUPS) {
            lookups = LOOKUPS.computeIfAbsent(parent, p -> new Lookups(ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>()));
        }
        return new RuleClassLoader(parent, lookups);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (lookups.missingClasses().contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            lookups.missingClasses().add(name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        return lookups.resources().computeIfAbsent(name, n -> Optional.ofNullable(super.getResource(n))).orElse(null);
    }
}
