package org.smgwlite.metering.contract;

import java.util.function.Predicate;

/**
 * What the device port serves: the device API, EST (RFC 7030) and the CRLs, nothing else. One rule for the
 * platform's own filter ({@code ListenerPaths}) and for the device port's virtual-server valve on Payara, which
 * loads this class from the device port's library directory and knows it only as a {@code Predicate<String>}
 * (the valve runs in Payara's class loader, not the platform's).
 */
public final class DevicePortPaths implements Predicate<String> {

    /** The device API: batches, TAF 6, the gateway's own view; client certificate required. */
    public static final String DEVICE_API = "/api/device/";
    /** EST: {@code /cacerts}, {@code simpleenroll} (first enrollment, no client certificate yet), renewal. */
    public static final String EST = "/api/.well-known/est/";
    /** The tenant CAs' CRLs. */
    public static final String CRL = "/api/crl/";
    /** Why anything else is not served there. */
    public static final String ONLY = "serves only /api/device/, EST and CRLs";

    /** For the valve, which instantiates it by name; the platform calls {@link #served} directly. */
    public DevicePortPaths() {
    }

    /**
     * True if {@code path} (context path, servlet path and path info, decoded and normalised by the container) is
     * served on the device port. Repeated slashes do not hide a path.
     */
    public static boolean served(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.startsWith(DEVICE_API) || p.startsWith(EST) || p.startsWith(CRL);
    }

    @Override
    public boolean test(String path) {
        return served(path);
    }
}
