package dev.billops.jackson;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the top-level classes of billing-core packages, from a classes directory or a jar. */
final class CoreClasses {

    private CoreClasses() {
    }

    static List<Class<?>> inPackage(String pkg) {
        String path = pkg.replace('.', '/');
        List<Class<?>> out = new ArrayList<>();
        try {
            Enumeration<URL> roots = CoreClasses.class.getClassLoader().getResources(path);
            for (URL root : Collections.list(roots)) {
                List<String> names = new ArrayList<>();
                if (root.getProtocol().equals("file")) {
                    File[] files = new File(root.toURI()).listFiles();
                    for (File f : files == null ? new File[0] : files) {
                        names.add(f.getName());
                    }
                } else if (root.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                        for (JarEntry e : Collections.list(jar.entries())) {
                            String n = e.getName();
                            if (n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0) {
                                names.add(n.substring(path.length() + 1));
                            }
                        }
                    }
                }
                for (String n : names) {
                    if (n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class")) {
                        out.add(Class.forName(pkg + "." + n.substring(0, n.length() - ".class".length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
