package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ClusterStackTest {

    private static final Path NODES = Path.of("/run/payara6/glassfish/nodes/localhost-domain1");

    @Test
    void theInstanceJvmIsToldByItsFolderOrItsNameAsTheLauncherPassesThem() {
        String jvm = "/usr/lib/jvm/java-17/bin/java -cp /run/payara6/glassfish/modules/glassfish.jar"
                + " -Dcom.sun.aas.instanceRoot=" + NODES.resolve("smgw-node1") + " -Dcom.sun.aas.instanceName=smgw-node1"
                + " com.sun.enterprise.glassfish.bootstrap.ASMain -instancename smgw-node1 -type INSTANCE ";

        assertThat(ClusterStack.namesInstance(jvm, NODES.resolve("smgw-node1"), "smgw-node1")).isTrue();
        assertThat(ClusterStack.namesInstance(jvm, NODES.resolve("smgw-node2"), "smgw-node2")).isFalse();
        // by the folder alone, or the name alone
        assertThat(ClusterStack.namesInstance("java -Dcom.sun.aas.instanceRoot=" + NODES.resolve("smgw-node2") + " x ",
                NODES.resolve("smgw-node2"), "smgw-node2")).isTrue();
        assertThat(ClusterStack.namesInstance("java x -instancename smgw-node2 -type INSTANCE ", NODES.resolve("smgw-node2"),
                "smgw-node2")).isTrue();
    }

    @Test
    void asadminStartingTheInstanceAndAnotherNodeWithALongerNameAreNotIt() {
        String asadmin = "java -jar /run/payara6/glassfish/lib/client/appserver-cli.jar start-local-instance --node"
                + " localhost-domain1 smgw-node1 ";
        assertThat(ClusterStack.namesInstance(asadmin, NODES.resolve("smgw-node1"), "smgw-node1")).isFalse();

        String node10 = "java -Dcom.sun.aas.instanceRoot=" + NODES.resolve("smgw-node10") + " -instancename smgw-node10 ";
        assertThat(ClusterStack.namesInstance(node10, NODES.resolve("smgw-node1"), "smgw-node1")).isFalse();
    }
}
