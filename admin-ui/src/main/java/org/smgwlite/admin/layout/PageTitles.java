package org.smgwlite.admin.layout;

import com.vaadin.flow.component.Component;

/** Page titles: the view's {@link TitleKey} in the user's language, then the product name. */
public final class PageTitles {

    /** What follows every title, as in the fixed {@code @PageTitle}s. */
    public static final String SUFFIX = " · SMGW.Lite";

    private PageTitles() {
    }

    /**
     * @throws IllegalStateException if the view has no {@link TitleKey}
     */
    public static String of(Component view) {
        TitleKey key = view.getClass().getAnnotation(TitleKey.class);
        if (key == null) {
            throw new IllegalStateException(view.getClass().getName() + " has no @TitleKey");
        }
        return view.getTranslation(key.value()) + SUFFIX;
    }
}
