package org.smgwlite.platform.gateway;

import java.time.Instant;

/**
 * What a gateway's agent last reported about itself ({@code POST /api/device/status}); every field but the version may
 * be unknown (null) to an agent, e.g. no telegram yet. Built by {@link AgentStatusJson}, which enforces the limits.
 *
 * @param agentVersion       the agent's build version
 * @param meterProtocol      how it reads its meter (SML, DLMS, ...)
 * @param lastTelegramAt     when the last meter telegram arrived
 * @param pendingValues      values stored but not yet acknowledged by the platform
 * @param storeBytes         how much of its value store is used, of {@code storeCapacityBytes}
 * @param lastError          the last thing that went wrong (a refused upload, a silent meter), at most
 *                           {@link AgentStatusJson#MAX_ERROR_CHARS} characters
 * @param uptimeSeconds      how long the agent has been running
 */
public record AgentStatus(String agentVersion, String meterProtocol, Instant lastTelegramAt, Long pendingValues,
                          Long storeBytes, Long storeCapacityBytes, String lastError, Long uptimeSeconds) {
}
