-- The audit view (issue 13) and the per-tenant curve policy.
--
-- 1. audit_event grows by millions of rows and is read newest first, a page at a time, by keyset on (at, id):
--    "WHERE tenant_id = ? AND at <= ? AND (at < ? OR id < ?) ORDER BY at DESC, id DESC LIMIT n". Each index below
--    ends in (at, id), so that every filter the view offers is one backward index range scan that stops after n rows:
--    the tenant alone, the tenant and a gateway (subject 'gateway:<id>'), the tenant and a kind (action), and all
--    tenants (platform administrators). (tenant_id, at, id) replaces V2's (tenant_id, at).
-- 2. An operator reads the audit rows of their own tenant in a transaction bound to it (smgw_bind_tenant, V10), so
--    that row-level security, not only the query's WHERE, keeps other tenants' rows out. Writing stays where V10 put
--    it: only outside a binding (the audit log's own transaction).
-- 3. tenant.curve_policy: the curve policy of the tenant's certificates, chosen by a platform administrator. Null
--    means "none chosen": the configured default (smgw.pki.policy[.<tenant>]) applies when the CA is created. A
--    tenant with a CA gets its CA's policy, which from then on is the only one its CA can issue (pki README).

CREATE INDEX audit_event_tenant_at_id_idx ON audit_event (tenant_id, at, id);
DROP INDEX audit_event_tenant_at_idx;
CREATE INDEX audit_event_tenant_subject_at_id_idx ON audit_event (tenant_id, subject, at, id);
CREATE INDEX audit_event_tenant_action_at_id_idx ON audit_event (tenant_id, action, at, id);
CREATE INDEX audit_event_at_id_idx ON audit_event (at, id);

CREATE POLICY audit_event_bound_tenant_reads ON audit_event FOR SELECT
    USING (tenant_id = (SELECT smgw_bound_tenant()));

ALTER TABLE tenant ADD COLUMN curve_policy varchar(16)
    CONSTRAINT tenant_curve_policy_known CHECK (curve_policy IN ('nist', 'brainpool'));
UPDATE tenant t SET curve_policy = ca.curve_policy FROM tenant_ca ca WHERE ca.tenant_id = t.id;
