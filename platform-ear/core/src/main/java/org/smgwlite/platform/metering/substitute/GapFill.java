package org.smgwlite.platform.metering.substitute;

import java.util.List;

/** The substitute values of one gap, one per missing slot in slot order, all made by {@code method}. */
public record GapFill(Gap gap, SubstituteMethod method, List<Substitute> values) {
}
