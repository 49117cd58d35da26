package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void repositoryIsFoundFromAModuleFolder() throws IOException {
        Files.createDirectories(tmp.resolve("keycloak"));
        Files.writeString(tmp.resolve("keycloak/smgw-demo-realm.json"), "{}");
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(tmp.resolve("platform-ear/rest/src"));

        assertThat(RunLayout.findRepo(module)).contains(tmp);
    }

    @Test
    void noRepositoryAboveAnUnrelatedFolder() {
        assertThat(RunLayout.findRepo(tmp)).isEmpty();
    }

    @Test
    void logsAndDataLiveInTheRunFolder() {
        RunLayout layout = new RunLayout(tmp, tmp.resolve(".run"));

        assertThat(layout.log("keycloak.log")).isEqualTo(tmp.resolve(".run/logs/keycloak.log"));
        assertThat(layout.postgresData()).isEqualTo(tmp.resolve(".run/data/postgres")).isDirectory();
    }
}
