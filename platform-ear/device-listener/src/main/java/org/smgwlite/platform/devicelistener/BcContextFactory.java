package org.smgwlite.platform.devicelistener;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.config.ssl.JSSE14SocketFactory;

/**
 * Grizzly's socket factory with the context made by the device port library ({@code ListenerContexts}) from the
 * listener's own stores instead of {@code SSLContext.getInstance("TLS")} over the JVM's provider list. Grizzly reads
 * only {@link #getSSLContext()} for its non-blocking listeners.
 */
class BcContextFactory extends JSSE14SocketFactory {

    private static final Logger LOG = Logger.getLogger(BcContextFactory.class.getName());
    /** Grizzly's attribute names for the listener's stores; passwords are never logged. */
    static final String[] STORE_ATTRIBUTES = {"keystore", "keystorePass", "keyAlias", "truststore", "truststorePass"};

    @Override
    public void init() throws IOException {
        Map<String, String> stores = new HashMap<>();
        for (String name : STORE_ATTRIBUTES) {
            Object value = attributes.get(name);
            if (value != null) {
                stores.put(name, value.toString());
            }
        }
        try {
            context = DeviceLibrary.installed().context(stores);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The device port has no TLS: " + e.getMessage(), e);
            throw new IOException("device port TLS: " + e.getMessage(), e);
        }
        LOG.info(() -> "Device port TLS on " + context.getProvider().getName() + " " + context.getProvider().getVersionStr()
                + " from key store " + stores.get("keystore"));
    }
}
