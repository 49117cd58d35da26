package org.smgwlite.platform.tenant;

import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Whether a tenant's curve policy may change. A CA's policy follows from its own key (pki README, "Hierarchy, profiles
 * and curves"): a P-384 CA issues P-256, a brainpoolP384r1 CA brainpoolP256r1, and it refuses a request on the other
 * family. So the policy is free until the tenant has a CA; from then on it is the CA's, and changing it would need a
 * new tenant CA and new keys in every gateway of the tenant, which the platform does not do (no CA rollover). That
 * change is refused, saying why, rather than stored and then ignored by the CA.
 */
public final class CurvePolicyChange {

    private CurvePolicyChange() {
    }

    /**
     * @param caPolicy the policy of the tenant's CA, empty if it has none yet
     * @throws InvalidInputException on field {@code curvePolicy} if the tenant's CA is on the other family
     */
    public static void check(TenantId tenant, Optional<CurvePolicy> caPolicy, CurvePolicy requested) {
        if (caPolicy.isPresent() && !caPolicy.get().equals(requested)) {
            CurvePolicy current = caPolicy.get();
            throw new InvalidInputException("curvePolicy", "the CA of tenant " + tenant + " is a " + current.caCurve().standardName()
                    + " CA and issues " + current.endEntityCurve().standardName() + " only; " + requested.endEntityCurve().standardName()
                    + " certificates would need a new tenant CA and new keys in every gateway, which the platform does not"
                    + " roll over. Keep " + current.name() + ", or create a new tenant for " + requested.name() + " gateways.");
        }
    }
}
