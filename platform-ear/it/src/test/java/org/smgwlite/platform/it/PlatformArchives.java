package org.smgwlite.platform.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for the integration tests, built from what the build produced: the platform EAR
 * itself, or a small WAR with the core classes and exactly the libraries the EAR ships.
 */
final class PlatformArchives {

    private PlatformArchives() {
    }

    static File earFile() {
        File ear = new File(System.getProperty("smgw.it.ear", "../ear/target/smgw-platform.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("platform EAR not built: " + ear.getAbsolutePath());
        }
        return ear;
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
    }

    /** The core EJB module's classes and descriptors plus the EAR's lib/ jars and AssertJ, as one WAR. */
    static WebArchive coreWar(String name) {
        EnterpriseArchive ear = ear();
        JavaArchive core = ear.getAsType(JavaArchive.class, "platform-core.jar");
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, Filters.exclude(".*/platform/it/.*"), "org.smgwlite.platform")
                .addAsResource(core.get("META-INF/persistence.xml").getAsset(), "META-INF/persistence.xml")
                .addAsWebInfResource(core.get("META-INF/beans.xml").getAsset(), "beans.xml");
        for (Node lib : ear.get("lib").getChildren()) {
            String path = lib.getPath().get();
            war.addAsLibrary(lib.getAsset(), path.substring(path.lastIndexOf('/') + 1));
        }
        war.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        return war;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
