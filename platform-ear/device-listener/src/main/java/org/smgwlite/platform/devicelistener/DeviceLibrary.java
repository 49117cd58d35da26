package org.smgwlite.platform.devicelistener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The jars of {@code lib/smgw-device-port/} (next to this class's own jar) in a class loader of their own whose
 * parent is the JDK's platform loader: Bouncy Castle, pki and metering-contract are neither visible to applications
 * (which bring their own) nor mixed with Payara's modules. The two sides meet only in JDK types.
 */
final class DeviceLibrary {

    /** The directory's name, next to this library's jar in the domain's {@code lib/}. */
    static final String DIRECTORY = "smgw-device-port";
    static final String CONTEXTS = "org.smgwlite.pki.tls.ListenerContexts";
    static final String PATHS = "org.smgwlite.metering.contract.DevicePortPaths";

    private static volatile DeviceLibrary installed;

    private final ClassLoader loader;

    DeviceLibrary(List<Path> jars) {
        URL[] urls = jars.stream().map(DeviceLibrary::url).toArray(URL[]::new);
        this.loader = new URLClassLoader("smgw-device-port", urls, ClassLoader.getPlatformClassLoader());
    }

    /** The library of the installed jar's directory, loaded once per server. */
    static DeviceLibrary installed() {
        DeviceLibrary library = installed;
        if (library == null) {
            synchronized (DeviceLibrary.class) {
                library = installed;
                if (library == null) {
                    library = new DeviceLibrary(jars(besideThisJar()));
                    installed = library;
                }
            }
        }
        return library;
    }

    /** Builds the device port's context from Grizzly's attributes (see {@code ListenerContexts}). */
    SSLContext context(Map<String, String> attributes) {
        Function<Map<String, String>, SSLContext> contexts = instance(CONTEXTS);
        return contexts.apply(attributes);
    }

    /** The rule which paths the device port serves ({@code DevicePortPaths}). */
    Predicate<String> devicePaths() {
        return instance(PATHS);
    }

    @SuppressWarnings("unchecked")
    private <T> T instance(String className) {
        try {
            return (T) loader.loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the device port library cannot load " + className + " from " + DIRECTORY
                    + "/ (install the pki, metering-contract and Bouncy Castle jars there): " + e, e);
        }
    }

    static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the device port library directory " + directory + " is missing");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("the device port library directory " + directory + " holds no jar");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path besideThisJar() {
        try {
            Path jar = Path.of(DeviceLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.resolveSibling(DIRECTORY);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the device port library's own jar", e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
