package org.smgwlite.platform.it;

import java.util.List;
import java.util.Set;
import org.smgwlite.platform.it.EndpointRecipes.Access;

/**
 * Who the security matrix calls with, and what each caller is due: the answer class ({@link Outcome}) and the tenants
 * whose objects an answer may show. The platform's rule, written once for the test: a platform admin acts in every
 * tenant, an operator in their own, a household only on {@code /api/me/...} and its own household's, only a platform
 * admin edits tenants; a gateway only
 * for its own tenant; anonymous
 * callers get 401 where a caller must be known.
 */
final class MatrixCallers {

    static final String A = MatrixFixture.A;
    static final String B = MatrixFixture.B;

    private MatrixCallers() {
    }

    /** The answer class a caller is due. */
    enum Outcome {
        OK(Set.of()), UNAUTHENTICATED(Set.of(401)), FORBIDDEN(Set.of(403, 404)), REFUSED(Set.of(401, 403, 404)), NOT_HERE(Set.of(404));

        private final Set<Integer> statuses;

        Outcome(Set<Integer> statuses) {
            this.statuses = statuses;
        }

        boolean admits(int status) {
            return this == OK ? status >= 200 && status < 300 : statuses.contains(status);
        }
    }

    /** A caller of the browser-port API: a demo login (password = name), or anonymous. */
    record User(String name, String role, String tenant) {

        static final List<User> ALL = List.of(new User("anonymous", null, null), new User("admin", "platform-admin", null),
                new User("operator", "operator", A), new User("operator2", "operator", B),
                new User("household", "household", A), new User("household2", "household", A));
    }

    /** A caller of the device port: no client certificate, or the enrolled gateway of a tenant. */
    record Device(String name, String tenant) {

        static final List<Device> ALL = List.of(new Device("no certificate", null), new Device("gateway of " + A, A),
                new Device("gateway of " + B, B));
    }

    static Outcome expected(Access access, User user, String target) {
        return switch (access) {
            case PUBLIC -> Outcome.OK;
            case OPERATOR -> user.role() == null ? Outcome.UNAUTHENTICATED
                    : user.role().equals("platform-admin") || user.role().equals("operator") && target.equals(user.tenant())
                    ? Outcome.OK : Outcome.FORBIDDEN;
            case PLATFORM_ADMIN -> user.role() == null ? Outcome.UNAUTHENTICATED
                    : user.role().equals("platform-admin") ? Outcome.OK : Outcome.FORBIDDEN;
            case HOUSEHOLD_SELF -> user.role() == null ? Outcome.UNAUTHENTICATED
                    : user.role().equals("household") ? Outcome.OK : Outcome.FORBIDDEN;
            case LEGACY_TOKEN -> Outcome.REFUSED;
            default -> throw new IllegalArgumentException(access + " is a device-port access");
        };
    }

    static Outcome expected(Access access, Device device, String target) {
        return switch (access) {
            case DEVICE_PUBLIC -> Outcome.OK;
            case ENROLLMENT_ACROSS_TENANTS -> Outcome.REFUSED;
            case GATEWAY -> device.tenant() == null ? Outcome.UNAUTHENTICATED
                    : target.equals("-") || target.equals(device.tenant()) ? Outcome.OK : Outcome.FORBIDDEN;
            default -> throw new IllegalArgumentException(access + " is a browser-port access");
        };
    }

    /** The tenants whose objects the answer may show: the target's, when the caller may act there. */
    static Set<String> visible(Access access, User user, String target) {
        return expected(access, user, target) == Outcome.OK && !target.equals("-") ? Set.of(target) : Set.of();
    }

    static Set<String> visible(Access access, Device device, String target) {
        if (device.tenant() != null && target.equals("-")) {
            return Set.of(device.tenant());
        }
        return expected(access, device, target) == Outcome.OK && !target.equals("-") && access != Access.DEVICE_PUBLIC
                ? Set.of(target) : Set.of();
    }

    /** What a UI login may see: an admin every tenant, an operator their own, a household only its own household. */
    static Set<String> uiVisible(User user) {
        return switch (user.role()) {
            case "platform-admin" -> Set.copyOf(MatrixFixture.TENANTS);
            case "operator" -> Set.of(user.tenant());
            default -> Set.of();
        };
    }


    /**
     * Whether a UI route opened as due, from the title the browser shows: a view the role may open (and, with a
     * household id, in the user's tenant) shows its own title; a {@code @PermitAll} route forwards to one of the role's
     * views ({@code titles}); a view the role may not open never shows its title. "ok" or what is wrong.
     */
    static String uiVerdict(UiRoutes.Route route, User user, String target, String title, Set<String> titles) {
        boolean roleMay = route.opensFor(user.role());
        boolean tenantMay = target.equals("-") || target.equals(user.tenant());
        if (roleMay && tenantMay) {
            if (route.permitAll()) {
                return titles.contains(title) ? "ok" : "WRONG: forwarded to '" + title + "'";
            }
            return route.pageTitle().map(title::equals).orElse(true) ? "ok" : "WRONG: not opened, title '" + title + "'";
        }
        return !roleMay && route.pageTitle().filter(title::equals).isPresent() ? "WRONG: opened for a role it does not allow" : "ok";
    }
}
