package org.smgwlite.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the Maven build wrote into {@code devstack.properties}: the paths of the Keycloak and Payara zips in
 * the local Maven repository (so that Maven, not this launcher, downloads them) and the repository root.
 */
final class BuildInfo {

    private static final String RESOURCE = "/devstack.properties";

    private final Properties properties;

    private BuildInfo(Properties properties) {
        this.properties = properties;
    }

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath: build devstack with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties);
    }

    Path keycloakZip() {
        return zip("keycloak.zip");
    }

    Path payaraZip() {
        return zip("payara.zip");
    }

    /** The repository the launcher was built from, if the build recorded it. */
    Optional<Path> repoDir() {
        return filtered("repo.dir").map(Path::of);
    }

    private Path zip(String key) {
        Path zip = filtered(key).map(Path::of).orElseThrow(() -> new IllegalStateException(
                key + " was not filled in by the build: run `mvn -pl devstack package` (an IDE build does not do it)"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is gone from the local Maven repository: run `mvn -pl devstack package` again");
        }
        return zip;
    }

    private Optional<String> filtered(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }
}
