package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the stack keeps unpacked servers, data and logs: {@code <repo>/.run} unless the system property
 * {@value #RUN_DIR_PROPERTY} names another folder. Everything in it survives between runs; deleting it
 * starts over (fresh Keycloak realm, empty database).
 *
 * @param repoDir the repository root, where {@code keycloak/smgw-demo-realm.json} lives
 * @param runDir  the folder for everything the stack writes
 */
public record RunLayout(Path repoDir, Path runDir) {

    public static final String RUN_DIR_PROPERTY = "smgw.devstack.runDir";
    static final Path REALM_IN_REPO = Path.of("keycloak", "smgw-demo-realm.json");

    /**
     * The repository is the nearest folder above the working directory that holds the realm file
     * (so tests running in a module folder find it), else the one devstack was built in.
     */
    public static RunLayout locate() {
        Path repo = findRepo(Path.of("").toAbsolutePath())
                .or(() -> BuildInfo.load().repoDir())
                .orElseThrow(() -> new IllegalStateException(
                        "cannot find the repository (no " + REALM_IN_REPO + " above " + Path.of("").toAbsolutePath() + ")"));
        String runDir = System.getProperty(RUN_DIR_PROPERTY);
        return new RunLayout(repo, runDir == null || runDir.isBlank() ? repo.resolve(".run") : Path.of(runDir).toAbsolutePath());
    }

    static Optional<Path> findRepo(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_IN_REPO)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public Path realmFile() {
        return repoDir.resolve(REALM_IN_REPO);
    }

    public Path logs() {
        return createDirectories(runDir.resolve("logs"));
    }

    public Path log(String fileName) {
        return logs().resolve(fileName);
    }

    public Path postgresData() {
        return createDirectories(runDir.resolve("data").resolve("postgres"));
    }

    /** The run command's demo gateways: one folder each with its id, keys, store and Eichlog. */
    public Path demoFleet() {
        return createDirectories(runDir.resolve("demo-fleet"));
    }

    /** Servers are unpacked directly into the run folder: {@code .run/keycloak-26.5.6}, {@code .run/payara6}. */
    public Path servers() {
        return createDirectories(runDir);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
