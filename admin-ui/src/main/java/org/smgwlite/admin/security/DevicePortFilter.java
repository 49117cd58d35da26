package org.smgwlite.admin.security;

import jakarta.servlet.annotation.WebFilter;
import org.smgwlite.platform.listener.ListenerFilter;

/** The UI WAR's registration of {@link ListenerFilter}: no UI on the device port. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DevicePortFilter extends ListenerFilter {
}
