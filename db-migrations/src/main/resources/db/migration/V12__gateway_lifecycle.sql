-- The gateway lifecycle in the operator console (issue 13). Only columns and indexes on tables V2 created: they stay
-- tenant-owned under the policies and FORCE ROW LEVEL SECURITY of V10, and the login role's table grants cover the
-- new columns.
--   * gateway.retired_at: set when the operator replaces the gateway of a household on purpose; its certificates are
--     revoked (superseded) in the same transaction. A household has at most one gateway that is not retired; the
--     platform checks that under a lock on the household row (GatewayService), as households of before V12 may hold
--     several and an index would refuse them.
--   * enrollment_code.voided_at: an unused code is voided when a newer one is issued for its gateway; only the newest
--     code can enroll.

ALTER TABLE gateway ADD COLUMN retired_at timestamptz;
ALTER TABLE enrollment_code ADD COLUMN voided_at timestamptz;

-- The operator's gateway list, paged and searched by id prefix on the server (a tenant may hold 100,000 gateways):
-- case-insensitive prefix match and order on one index, in byte order ("C") so that LIKE 'X%' is an index range.
CREATE INDEX gateway_search_idx ON gateway (tenant_id, (upper(gateway_id) COLLATE "C"));

-- Certificates due for renewal, soonest first: the valid ones by expiry.
CREATE INDEX certificate_expiry_idx ON certificate (tenant_id, not_after) WHERE revoked_at IS NULL;
