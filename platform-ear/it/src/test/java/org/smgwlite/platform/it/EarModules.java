package org.smgwlite.platform.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classes of one web module of the built platform EAR, loaded for reflection: so that a test enumerates what is
 * deployed (resources, views) instead of a hand-kept list. The module is unpacked under {@code target/ear-modules/};
 * its classes and its {@code WEB-INF/lib} jars are loaded in a class loader of their own over the test class path
 * (which brings the Jakarta EE API and the platform core), nothing is initialised.
 */
final class EarModules {

    private EarModules() {
    }

    /** Every top-level and nested class of {@code war} (e.g. {@code admin-ui.war}) in {@code packagePrefix} and below. */
    static List<Class<?>> classes(String war, String packagePrefix) {
        try {
            Path dir = unpack(war);
            List<URL> urls = new ArrayList<>(List.of(dir.resolve("WEB-INF/classes").toUri().toURL()));
            Path lib = dir.resolve("WEB-INF/lib");
            if (Files.isDirectory(lib)) {
                try (var jars = Files.list(lib)) {
                    for (Path jar : jars.sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), EarModules.class.getClassLoader());
            Path classes = dir.resolve("WEB-INF/classes");
            Path root = classes.resolve(packagePrefix.replace('.', '/'));
            List<Class<?>> found = new ArrayList<>();
            try (var files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    found.add(Class.forName(name, false, loader));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A properties file of {@code war}'s classes (e.g. {@code i18n/messages.properties}), read as UTF-8. */
    static java.util.Properties properties(String war, String path) {
        try {
            java.util.Properties properties = new java.util.Properties();
            try (var in = Files.newBufferedReader(unpack(war).resolve("WEB-INF/classes").resolve(path), java.nio.charset.StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks {@code war} from the EAR into a folder of its own (again on every run: the EAR may have been rebuilt). */
    private static Path unpack(String war) throws IOException {
        Path dir = Path.of("target", "ear-modules", war).toAbsolutePath();
        Path warFile = Path.of("target", "ear-modules", war + ".zip").toAbsolutePath();
        if (Files.isDirectory(dir)) { // a class removed since the last build must not linger
            try (var old = Files.walk(dir)) {
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        try (ZipFile ear = new ZipFile(PlatformArchives.earFile())) {
            ZipEntry entry = ear.getEntry(war);
            if (entry == null) {
                throw new IllegalStateException("no " + war + " in " + PlatformArchives.earFile());
            }
            try (InputStream in = ear.getInputStream(entry)) {
                Files.copy(in, warFile, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (ZipFile zip = new ZipFile(warFile.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith("WEB-INF/")) {
                    continue;
                }
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("entry outside the module: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }
}
