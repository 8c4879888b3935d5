package dev.billops.fuzz;

import dev.billops.core.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every public record and enum of billing-core outside internal packages, by simple name: the
 * values a host reads from JSON with the library's mapper.
 */
final class PublicValues {

    private static final Map<String, Class<?>> BY_NAME = scan();

    private PublicValues() {
    }

    static Map<String, Class<?>> byName() {
        return BY_NAME;
    }

    private static Map<String, Class<?>> scan() {
        Path root;
        try {
            root = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Class<?>> found = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(root::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                        .forEach(n -> add(found, n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .forEach(n -> add(found, n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found.size() < 20) {
            throw new IllegalStateException("only " + found.size() + " public values found under " + root);
        }
        return Map.copyOf(found);
    }

    private static void add(Map<String, Class<?>> found, String file) {
        String name = file.replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.contains("$") || name.contains(".internal.") || name.endsWith("package-info")) {
            return;
        }
        try {
            Class<?> type = Class.forName(name, false, PublicValues.class.getClassLoader());
            if (java.lang.reflect.Modifier.isPublic(type.getModifiers()) && (type.isRecord() || type.isEnum()
                    || type.getSimpleName().equals("BillingEvent"))) {
                found.put(type.getSimpleName(), type);
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
