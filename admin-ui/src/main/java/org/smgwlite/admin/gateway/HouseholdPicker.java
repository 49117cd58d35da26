package org.smgwlite.admin.gateway;

import com.vaadin.flow.component.combobox.ComboBox;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.shared.PageRequest;

/**
 * A household of the operator's tenant, picked in a combo box that asks the database a page at a time with the typed
 * text ({@link HouseholdService#page}: name, city or Messlokation prefix), so it works for 100,000 households. The
 * label names the household's id, which register dialogs and the gateways grid show.
 */
final class HouseholdPicker {

    private HouseholdPicker() {
    }

    static ComboBox<Household> comboBox(HouseholdService households, TenantId tenant) {
        ComboBox<Household> box = new ComboBox<>();
        box.setItems(query -> households.page(tenant, query.getFilter().orElse(""),
                new PageRequest(query.getOffset(), query.getLimit())).stream());
        box.setItemLabelGenerator(HouseholdPicker::label);
        box.setClearButtonVisible(true);
        box.setWidthFull();
        return box;
    }

    /** "Name · City · #12": names repeat within a tenant, the id does not. */
    static String label(Household h) {
        return h.name() + " · " + h.city() + " · #" + h.id();
    }
}
