package org.smgwlite.admin.tariff;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Objects;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.TariffService;

/**
 * The household form's tariff profile picker: a combo box over the tenant's profiles, fetched a page at a time and
 * searched by name on the server; empty means no profile.
 */
public final class TariffChoices {

    /** A profile as the picker lists it. */
    public record Choice(long id, String name) {
    }

    private final TariffService tariffs;
    private final TenantId tenant;

    public TariffChoices(TariffService tariffs, TenantId tenant) {
        this.tariffs = tariffs;
        this.tenant = tenant;
    }

    public ComboBox<Choice> comboBox() {
        ComboBox<Choice> box = new ComboBox<>("Tariff profile (TAF 2)");
        // lazy: the combo box asks a page at a time with the typed text; the count comes with the pages
        box.setItems(query -> tariffs.page(tenant, query.getFilter().orElse(""), new PageRequest(query.getOffset(), query.getLimit()))
                .stream().map(s -> new Choice(s.id(), s.name())));
        box.setItemLabelGenerator(Choice::name);
        box.setClearButtonVisible(true);
        box.setPlaceholder("None");
        box.setHelperText("Zones for the TAF 2 month report");
        return box;
    }

    /** The choice of profile {@code id}, if it still exists. */
    public Optional<Choice> of(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Choice(id, tariffs.get(tenant, id).name()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Assigns the chosen profile (null: none) to the household, if it changed. */
    public void assign(String actor, long householdId, Long before, Choice chosen) {
        Long after = chosen == null ? null : chosen.id();
        if (!Objects.equals(before, after)) {
            tariffs.assign(tenant, actor, householdId, after);
        }
    }
}
