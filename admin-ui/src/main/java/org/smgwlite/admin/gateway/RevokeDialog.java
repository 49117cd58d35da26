package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;
import org.smgwlite.pki.crl.RevocationReason;

/**
 * Asks before a revocation, which cannot be undone, and for its RFC 5280 reason. Offered are the reasons an operator
 * can state about a gateway's certificate; {@code certificateHold} (revocable) and the CA reasons are not.
 */
class RevokeDialog extends ConfirmDialog {

    static final List<RevocationReason> OFFERED = List.of(RevocationReason.KEY_COMPROMISE, RevocationReason.AFFILIATION_CHANGED,
            RevocationReason.SUPERSEDED, RevocationReason.CESSATION_OF_OPERATION, RevocationReason.PRIVILEGE_WITHDRAWN,
            RevocationReason.UNSPECIFIED);

    RevokeDialog(String title, Consumer<RevocationReason> revoke) {
        Select<RevocationReason> reason = new Select<>();
        reason.setId("revoke-reason");
        reason.setLabel(getTranslation("revoke.reason"));
        reason.setItems(OFFERED);
        reason.setItemLabelGenerator(r -> getTranslation("reason." + r.name()));
        reason.setValue(RevocationReason.UNSPECIFIED);
        reason.setEmptySelectionAllowed(false);
        reason.setWidthFull();

        setHeader(title);
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("revoke.text")), reason);
        body.setPadding(false);
        setText(body);
        setCancelable(true);
        setCancelText(getTranslation("revoke.cancel"));
        setConfirmText(getTranslation("revoke.confirm"));
        setConfirmButtonTheme("error primary");
        addConfirmListener(e -> revoke.accept(reason.getValue()));
        setId("revoke-confirm");
    }
}
