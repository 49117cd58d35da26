-- The status a gateway's agent reports about itself (POST /api/device/status): the latest one per gateway and when
-- it arrived, shown in the operator's gateway list. Columns on V2's table only: they stay tenant-owned under the
-- policies and FORCE ROW LEVEL SECURITY of V10, and the login role's table grants cover them. The document holds only
-- the fields the platform knows (AgentStatus), written by the platform, never the gateway's raw body.

ALTER TABLE gateway ADD COLUMN agent_status jsonb;
ALTER TABLE gateway ADD COLUMN agent_status_at timestamptz;
