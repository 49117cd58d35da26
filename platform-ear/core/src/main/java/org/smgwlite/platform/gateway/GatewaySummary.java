package org.smgwlite.platform.gateway;

import java.time.Instant;

/**
 * One line of the operator's gateway list: the gateway, its {@link GatewayState}, and what it last did.
 *
 * @param certificates       how many certificates it was issued; {@code validCertificates} of them are not revoked
 * @param lastUpload         when its newest reading batch arrived, or null; {@code accepted} and {@code rejected} count
 *                           that batch's values (null without an upload)
 * @param lastTaf6At         when the newest TAF 6 (on-demand) reading was requested, or null; {@code lastTaf6Status} its
 *                           status name
 * @param lastEichlogType    what the gateway's agent last wrote to its Eichlog (calibration log; START, TIME_SYNC,
 *                           METER_SILENT, ...), and {@code lastEichlogAt} when; null if none arrived
 * @param agentStatus        what the gateway's agent last reported about itself, and {@code agentStatusAt} when it
 *                           arrived; null if it never reported
 */
public record GatewaySummary(String gatewayId, long householdId, Instant registeredAt, Instant retiredAt, GatewayState state,
                             long certificates, long validCertificates, Instant lastUpload, Integer accepted, Integer rejected,
                             Instant lastTaf6At, String lastTaf6Status, String lastEichlogType, Instant lastEichlogAt,
                             AgentStatus agentStatus, Instant agentStatusAt) {
}
