package org.readiness.ruleset;

import org.readiness.scoring.engine.Ruleset;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleClassLoaderTest {

    /** The application's loader as the rules see it, counting what it is asked. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger classRequests = new AtomicInteger();
        final AtomicInteger resourceRequests = new AtomicInteger();

        CountingLoader() {
            super(RuleClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classRequests.incrementAndGet();
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            resourceRequests.incrementAndGet();
            return super.getResource(name);
        }
    }

    private static ClassLoader underContext(ClassLoader context) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(context);
        try {
            return RuleClassLoader.ofContext();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aMissingClassIsAskedOfTheApplicationOnceAcrossCompiles() {
        CountingLoader application = new CountingLoader();
        String missing = "org.readiness.scoring.facts.value";
        assertThrows(ClassNotFoundException.class, () -> underContext(application).loadClass(missing));
        assertThrows(ClassNotFoundException.class, () -> underContext(application).loadClass(missing));
        assertEquals(1, application.classRequests.get(), "the second compile must not ask again");
    }

    @Test
    void classesAndResourcesTheApplicationHasAreItsOwn() throws ClassNotFoundException {
        CountingLoader application = new CountingLoader();
        ClassLoader rules = underContext(application);
        assertSame(Ruleset.class, rules.loadClass(Ruleset.class.getName()));
        String resource = Ruleset.class.getName().replace('.', '/') + ".class";
        assertNotNull(rules.getResource(resource));
        assertNotNull(underContext(application).getResource(resource));
        assertNull(rules.getResource("no/such/Thing.class"));
        assertNull(rules.getResource("no/such/Thing.class"));
        assertEquals(2, application.resourceRequests.get(), "each resource name is looked up once");
    }

    @Test
    void anotherApplicationLoaderKeepsItsOwnLookups() {
        String missing = "org.readiness.scoring.facts.answered";
        CountingLoader first = new CountingLoader();
        CountingLoader second = new CountingLoader();
        assertThrows(ClassNotFoundException.class, () -> underContext(first).loadClass(missing));
        assertThrows(ClassNotFoundException.class, () -> underContext(second).loadClass(missing));
        assertEquals(1, second.classRequests.get());
    }
}
