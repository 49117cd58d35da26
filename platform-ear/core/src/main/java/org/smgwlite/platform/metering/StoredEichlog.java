package org.smgwlite.platform.metering;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.smgwlite.platform.certificate.DeviceIdentity;

/**
 * A gateway's Eichlog as stored in {@code eichlog_entry}, read in the caller's tenant transaction: its current (newest)
 * chain, the newest entry of it, and any entry's hash. Every query names the tenant and the gateway.
 */
final class StoredEichlog implements EichlogCheck.StoredChain {

    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private final EntityManager em;
    private final DeviceIdentity gw;
    /** The newest entry and its chain number, once looked up. */
    private Optional<EichlogHead> newest;
    private int chain;

    StoredEichlog(EntityManager em, DeviceIdentity gw) {
        this.em = em;
        this.gw = gw;
    }

    @Override
    public Optional<EichlogHead> newest() {
        if (newest == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT chain, n, type, hash FROM eichlog_entry WHERE tenant_id = ?1"
                            + " AND gateway_id = ?2 ORDER BY chain DESC, n DESC LIMIT 1").setHint(NATIVE, true)
                    .setParameter(1, gw.tenant().value()).setParameter(2, gw.gatewayId()).getResultList();
            chain = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).intValue();
            newest = rows.stream().findFirst().map(r -> new EichlogHead(((Number) r[1]).longValue(), ((String) r[3]).strip(),
                    (String) r[2]));
        }
        return newest;
    }

    @Override
    public Optional<String> hash(long n) {
        newest();
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery("SELECT hash FROM eichlog_entry WHERE tenant_id = ?1 AND gateway_id = ?2"
                        + " AND chain = ?3 AND n = ?4").setHint(NATIVE, true)
                .setParameter(1, gw.tenant().value()).setParameter(2, gw.gatewayId()).setParameter(3, chain)
                .setParameter(4, n).getResultList();
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(0).strip());
    }

    /** The number of the current chain: 0 before the first entry, +1 after each recorded reset. */
    int chain() {
        newest();
        return chain;
    }
}
