package org.smgwlite.admin.feedback;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of notification the UI shows. */
public final class Notices {

    private Notices() {
    }

    /** Something the user asked for is done: a short note at the bottom that goes away after 3 s. */
    public static void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START);
    }

    /** Something failed: a red note in the middle that stays for 8 s. */
    public static void failed(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
