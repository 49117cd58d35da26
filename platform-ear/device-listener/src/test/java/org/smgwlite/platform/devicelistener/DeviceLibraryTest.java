package org.smgwlite.platform.devicelistener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.metering.contract.DevicePortPaths;

/** The device port library's isolated class loader: what Payara's valve and SSL implementation get from it. */
class DeviceLibraryTest {

    @TempDir
    Path dir;

    @Test
    void thePathRuleComesFromTheIsolatedLoaderAndIsTheContractsRule() throws Exception {
        DeviceLibrary library = new DeviceLibrary(List.of(codeSource(DevicePortPaths.class)));

        Predicate<String> served = library.devicePaths();

        assertThat(served.getClass().getName()).isEqualTo(DevicePortPaths.class.getName());
        assertThat(served.getClass().getClassLoader()).as("not the caller's class loader")
                .isNotSameAs(DevicePortPaths.class.getClassLoader());
        assertThat(served.test("/api/device/batches")).isTrue();
        assertThat(served.test("/api/.well-known/est/msb-1/simpleenroll")).isTrue();
        assertThat(served.test("/api/crl/msb-1.crl")).isTrue();
        assertThat(served.test("/ui/")).isFalse();
        assertThat(served.test("/health")).isFalse();
        assertThat(served.test("//api//tenants/msb-1/gateways")).isFalse();
    }

    @Test
    void aMissingJarIsNamedWithTheDirectory() throws Exception {
        DeviceLibrary empty = new DeviceLibrary(List.of(dir));

        assertThatThrownBy(empty::devicePaths).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot load " + DeviceLibrary.PATHS + " from smgw-device-port/");
    }

    @Test
    void theDirectoryMustExistAndHoldJars() throws Exception {
        assertThatThrownBy(() -> DeviceLibrary.jars(dir.resolve("absent")))
                .hasMessage("the device port library directory " + dir.resolve("absent") + " is missing");
        Files.writeString(dir.resolve("README.txt"), "no jar here");
        assertThatThrownBy(() -> DeviceLibrary.jars(dir)).hasMessage("the device port library directory " + dir + " holds no jar");
        Files.write(dir.resolve("b.jar"), new byte[0]);
        Files.write(dir.resolve("a.jar"), new byte[0]);
        assertThat(DeviceLibrary.jars(dir)).containsExactly(dir.resolve("a.jar"), dir.resolve("b.jar"));
    }

    @Test
    void theValveAnswersWithTheApplicationsRefusalBody() {
        assertThat(DevicePortValve.refusal()).isEqualTo(
                "{\"status\":404,\"error\":\"the device port " + DevicePortPaths.ONLY + "\",\"fields\":{}}");
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
