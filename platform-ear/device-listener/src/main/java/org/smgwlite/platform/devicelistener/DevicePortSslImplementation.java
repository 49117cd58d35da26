package org.smgwlite.platform.devicelistener;

import org.glassfish.grizzly.config.ssl.JSSEImplementation;
import org.glassfish.grizzly.config.ssl.ServerSocketFactory;

/**
 * The device port's TLS on Bouncy Castle JSSE: JDK 17's own TLS cannot serve brainpoolP256r1, the curve the German
 * smart-metering PKI prescribes. Grizzly takes a listener's implementation from {@code <ssl classname="…">}; this one
 * differs from Payara's plain {@code JSSEImplementation} only in where its {@code SSLContext} comes from. The engines,
 * the client-certificate attributes requests carry and the listener's protocols, suites and client authentication
 * stay Grizzly's.
 */
public class DevicePortSslImplementation extends JSSEImplementation {

    /** Instantiated by Grizzly by class name. */
    public DevicePortSslImplementation() throws ClassNotFoundException {
        super();
    }

    @Override
    public String getImplementationName() {
        return "SMGW.Lite device port (Bouncy Castle JSSE)";
    }

    @Override
    public ServerSocketFactory getServerSocketFactory() {
        return new BcContextFactory();
    }
}
