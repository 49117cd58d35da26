/**
 * The device port's server library for Payara: not part of the EAR, installed into the domain's {@code lib/}
 * (Payara's common class loader) with the pki, metering-contract and Bouncy Castle jars beside it in
 * {@code lib/smgw-device-port/}, which only {@link org.smgwlite.platform.devicelistener.DeviceLibrary} loads
 * (applications never see them). {@link org.smgwlite.platform.devicelistener.DevicePortSslImplementation} puts the
 * device port's TLS on Bouncy Castle JSSE (brainpoolP256r1); {@link org.smgwlite.platform.devicelistener.DevicePortValve}
 * makes the device port's virtual server refuse everything but the device API, EST and CRLs before any application
 * (or its login) sees the request.
 */
package org.smgwlite.platform.devicelistener;
