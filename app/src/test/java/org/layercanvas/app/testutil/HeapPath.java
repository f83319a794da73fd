package org.layercanvas.app.testutil;

import java.io.File;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * For leak tests' failure messages: a chain of fields from a static field of a class in the given jars to an
 * object that should have been collected, found by walking the object graph with reflection. Weak references are
 * not followed (they do not keep anything alive); thread stacks are not seen, so "none found" does not prove that
 * nothing holds the object.
 */
public final class HeapPath {
    private HeapPath() {
    }

    private record Step(Object object, Step previous, String via) {
    }

    /**
     * @param jarNameParts which class-path jars to take static fields from (e.g. "javafx", "monocle", "layercanvas")
     * @return the chain, one field per line, or a line saying none was found
     */
    public static String to(Object target, List<String> jarNameParts) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Step> queue = new ArrayDeque<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (jarNameParts.stream().anyMatch(entry::contains)) {
                roots(entry, seen, queue);
            }
        }
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            if (s.object() == target) {
                StringBuilder chain = new StringBuilder();
                for (Step x = s; x != null; x = x.previous()) {
                    chain.insert(0, "  " + x.via() + " (" + x.object().getClass().getName() + ")\n");
                }
                return chain.toString();
            }
            follow(s, seen, queue);
        }
        return "  no chain from a static field found\n";
    }

    private static void roots(String entry, IdentityHashMap<Object, Boolean> seen, ArrayDeque<Step> queue) {
        File file = new File(entry);
        if (file.isDirectory()) {
            try (var files = java.nio.file.Files.walk(file.toPath())) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> staticFields(
                        file.toPath().relativize(p).toString(), seen, queue));
            } catch (IOException e) {
                return;
            }
            return;
        }
        try (JarFile jar = new JarFile(file)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                staticFields(e.getName(), seen, queue);
            }
        } catch (IOException e) {
            // not a jar: no roots from it
        }
    }

    private static void staticFields(String path, IdentityHashMap<Object, Boolean> seen, ArrayDeque<Step> queue) {
        if (!path.endsWith(".class") || path.contains("module-info") || path.contains("META-INF")) {
            return;
        }
        String name = path.substring(0, path.length() - 6).replace('/', '.').replace('\\', '.');
        try {
            Class<?> c = Class.forName(name, false, HeapPath.class.getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    f.setAccessible(true);
                    add(f.get(null), null, name + "." + f.getName(), seen, queue);
                }
            }
        } catch (Throwable unreadable) {
            // a class that does not load or a field that cannot be read holds nothing we can see
        }
    }

    private static void follow(Step s, IdentityHashMap<Object, Boolean> seen, ArrayDeque<Step> queue) {
        Object o = s.object();
        Class<?> c = o.getClass();
        if (c.isArray()) {
            if (!c.getComponentType().isPrimitive()) {
                Object[] items = (Object[]) o;
                for (int i = 0; i < items.length; i++) {
                    add(items[i], s, "[" + i + "]", seen, queue);
                }
            }
            return;
        }
        if (o instanceof Reference<?> && !(o instanceof SoftReference<?>)) {
            return;
        }
        for (Class<?> k = c; k != null && k != Reference.class; k = k.getSuperclass()) {
            Field[] fields;
            try {
                fields = k.getDeclaredFields();
            } catch (Throwable t) {
                continue;
            }
            for (Field f : fields) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    try {
                        f.setAccessible(true);
                        add(f.get(o), s, k.getSimpleName() + "." + f.getName(), seen, queue);
                    } catch (Throwable unreadable) {
                        // fields of JDK classes in named modules: not walked
                    }
                }
            }
        }
    }

    private static void add(Object v, Step from, String via, IdentityHashMap<Object, Boolean> seen,
                            ArrayDeque<Step> queue) {
        if (v != null && !(v instanceof Class) && seen.put(v, Boolean.TRUE) == null) {
            queue.add(new Step(v, from, via));
        }
    }
}
