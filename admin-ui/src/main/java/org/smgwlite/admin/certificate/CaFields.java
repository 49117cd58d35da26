package org.smgwlite.admin.certificate;

import com.vaadin.flow.component.html.Span;

/** A read-only value of the CA pages, with an id a browser test finds it by. */
final class CaFields {

    private CaFields() {
    }

    static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        return span;
    }
}
