package org.smgwlite.platform.rest.readings;

import java.util.List;
import java.util.stream.Collectors;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * Which of the households a login views {@code /api/me/readings} answers for: the only one, or the one the
 * {@code household} parameter names, which must be among them (any other id is 404, like a missing one). Several and
 * none named is a 400 listing them.
 */
final class HouseholdChoice {

    record Option(long id, String name) {
    }

    private HouseholdChoice() {
    }

    static long choose(String username, List<Option> viewable, String householdParam) {
        if (householdParam != null && !householdParam.isBlank()) {
            long id;
            try {
                id = Long.parseLong(householdParam.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("household", "must be a household id (a number), was '" + householdParam + "'");
            }
            return viewable.stream().filter(o -> o.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("household", id)).id();
        }
        if (viewable.isEmpty()) {
            throw new NotFoundException("household viewed by", username);
        }
        if (viewable.size() > 1) {
            throw new InvalidInputException("household", "is required: user " + username + " views " + viewable.size()
                    + " households, " + viewable.stream().map(o -> o.id() + " (" + o.name() + ")").collect(Collectors.joining(", ")));
        }
        return viewable.get(0).id();
    }
}
