package org.smgwlite.pki.tls;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.bouncycastle.jsse.BCSSLEngine;

/**
 * A Bouncy Castle JSSE context whose engines offer {@link DevicePortTls#NAMED_GROUPS}, for a server that creates its
 * engines itself from a context (Grizzly): JDK 17's {@code SSLParameters} cannot carry named groups, and Bouncy
 * Castle does not enable the TLS 1.2 brainpool groups by default. Everything else is the wrapped context's.
 */
final class NamedGroupsContext extends SSLContext {

    NamedGroupsContext(SSLContext bc) {
        super(new Spi(bc), bc.getProvider(), bc.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {

        private final SSLContext bc;

        Spi(SSLContext bc) {
            this.bc = bc;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised with the device port's key and trust anchors");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return withGroups(bc.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return withGroups(bc.createSSLEngine(host, port));
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return bc.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return bc.getServerSocketFactory();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return bc.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return bc.getClientSessionContext();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetDefaultSSLParameters() {
            return bc.getDefaultSSLParameters();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetSupportedSSLParameters() {
            return bc.getSupportedSSLParameters();
        }

        private static SSLEngine withGroups(SSLEngine engine) {
            BCSSLEngine bcEngine = (BCSSLEngine) engine;
            var parameters = bcEngine.getParameters();
            parameters.setNamedGroups(DevicePortTls.NAMED_GROUPS.toArray(String[]::new));
            bcEngine.setParameters(parameters);
            return engine;
        }
    }
}
