package org.smgwlite.platform.it;

import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the client-side ITs that talk to the platform as gateways do: Arquillian deploys the platform EAR
 * (which writes the device port's key and trust stores), then the device-port listener is opened as the run
 * command does it. A subclass's own {@code @BeforeAll} runs after this one and finds {@link #rootChain} set.
 */
abstract class OnDevicePort {

    /** The platform root CA's chain file: what a gateway trusts. */
    static Path rootChain;

    @Deployment(testable = false, name = "smgw-platform")
    static EnterpriseArchive platform() {
        return PlatformArchives.ear();
    }

    /** No {@code TestInfo} parameter: Arquillian's JUnit 5 extension resolves lifecycle parameters and refuses it. */
    @BeforeAll
    static void openDevicePort() throws Exception {
        rootChain = ItPlatform.openDevicePort("device-port-asadmin.log"); // appended to by each IT class
    }
}
