package org.smgwlite.platform.metering.mscons;

import java.util.ArrayList;
import java.util.List;

/** The data of one segment as the reader met it: element and component positions (1-based) to their text. */
final class MsconsSegment {

    private final String tag;
    private final List<List<String>> elements = new ArrayList<>();

    MsconsSegment(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** {@code component} is -1 or 0 for a simple element. */
    void put(int element, int component, String text) {
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int c = Math.max(component, 1);
        while (components.size() < c) {
            components.add("");
        }
        components.set(c - 1, text == null ? "" : text);
    }

    /** The text at element {@code element}, component {@code component} (1 for a simple element); "" when absent. */
    String get(int element, int component) {
        if (element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component > components.size() ? "" : components.get(component - 1);
    }
}
