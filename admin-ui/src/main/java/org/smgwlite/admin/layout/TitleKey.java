package org.smgwlite.admin.layout;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view's page title as a key of the UI's message bundles ({@code i18n/messages*.properties}), in place of a fixed
 * {@code @PageTitle}: the view shows {@link PageTitles#of} in the user's language. Read by the security matrix too,
 * which recognises a view by its English title, so a translated view keeps being checked like the others.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TitleKey {

    /** The bundle key of the title, without the product name. */
    String value();
}
