package org.smgwlite.platform.rest;

import jakarta.servlet.annotation.WebFilter;
import org.smgwlite.platform.listener.ListenerFilter;

/** The API WAR's registration of {@link ListenerFilter}: device API and EST on the device port, the rest elsewhere. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DevicePortFilter extends ListenerFilter {
}
