-- The database wall (issue 12). Until V9 the platform connected as the tables' owner and bound a transaction
-- to a tenant with SET LOCAL ROLE smgw_tenant plus the setting smgw.tenant_id, which any native SQL can undo
-- (RESET ROLE: the owner sees every row) or change (SET smgw.tenant_id). From V10 on:
--   * the migrating role (this one, the owner) keeps the schema; the platform connects as ${login_role}
--     (smgw.db.user), which owns nothing, is a member of no role and holds only the grants below;
--   * a transaction is bound to a tenant once, by smgw_bind_tenant(), which records (backend, transaction) ->
--     tenant in tenant_binding, a table only the owner can read or write; a second, different binding in the
--     same transaction is refused;
--   * every policy compares tenant_id with smgw_bound_tenant(), which reads that record; a changed setting or a
--     role switch changes nothing, and a transaction without a binding sees no tenant row;
--   * every tenant-owned table has FORCE ROW LEVEL SECURITY; the owner passes through its own policy (TO the
--     owner), so migrations and the owner's maintenance still see every row.
-- The platform tables tenant_ca (CA keys) and audit_event are open to the login role only outside a tenant
-- binding (the platform's own work runs in transactions of its own); tenant (the directory of tenants) holds no
-- tenant data and has no row-level security. db-migrations/README.md explains the design.

-- (backend pid, transaction id) -> tenant. One row per backend: a new binding replaces the row of the backend's
-- previous transaction. Unlogged: a binding is worthless after a crash anyway.
CREATE UNLOGGED TABLE tenant_binding (
    backend_pid integer     PRIMARY KEY,
    txid        bigint      NOT NULL,
    tenant_id   varchar(40) NOT NULL
);
REVOKE ALL ON tenant_binding FROM PUBLIC;

-- The tenant the current transaction is bound to, or null. STABLE and called as (SELECT smgw_bound_tenant()) in
-- the policies, so it runs once per statement (an InitPlan) and tenant_id = <it> stays an index condition.
CREATE FUNCTION smgw_bound_tenant() RETURNS varchar
    LANGUAGE sql STABLE PARALLEL RESTRICTED SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT b.tenant_id FROM public.tenant_binding b
     WHERE b.backend_pid = pg_backend_pid() AND b.txid = txid_current_if_assigned()
$$;

-- Binds the current transaction to a tenant and returns it; the same tenant again is a no-op, another one is refused.
CREATE FUNCTION smgw_bind_tenant(tenant varchar) RETURNS varchar
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    tx    bigint := txid_current();
    bound varchar;
BEGIN
    IF tenant IS NULL OR tenant = '' THEN
        RAISE EXCEPTION 'smgw_bind_tenant: no tenant given' USING ERRCODE = '22023';
    END IF;
    SELECT b.tenant_id INTO bound FROM public.tenant_binding b WHERE b.backend_pid = pg_backend_pid() AND b.txid = tx;
    IF bound IS NULL THEN
        INSERT INTO public.tenant_binding AS b (backend_pid, txid, tenant_id) VALUES (pg_backend_pid(), tx, tenant)
        ON CONFLICT (backend_pid) DO UPDATE SET txid = excluded.txid, tenant_id = excluded.tenant_id;
    ELSIF bound <> tenant THEN
        RAISE EXCEPTION 'transaction is bound to tenant %, refused to bind it to %', bound, tenant
            USING ERRCODE = '42501';
    END IF;
    RETURN tenant;
END
$$;

-- The monthly partitions of meter_reading (ReadingPartitions): creating one needs the owner, so the login role
-- gets this one narrow function instead of ownership.
CREATE FUNCTION meter_reading_ensure_month(month date) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first date := date_trunc('month', month)::date;
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.meter_reading FOR VALUES FROM (%L) TO (%L)',
                   'meter_reading_' || to_char(first, 'YYYY_MM'), first || ' 00:00:00+00',
                   (first + interval '1 month')::date || ' 00:00:00+00');
END
$$;

REVOKE ALL ON FUNCTION smgw_bound_tenant(), smgw_bind_tenant(varchar), meter_reading_ensure_month(date) FROM PUBLIC;

-- Tenant-owned tables: the policy of V1..V8 on the binding instead of the setting, the owner's own policy, FORCE.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['household', 'gateway', 'enrollment_code', 'certificate', 'reading_batch', 'meter_reading',
                             'reading_gap', 'reading_reject', 'eichlog_entry', 'taf6_request', 'taf6_reading',
                             'meter_reading_day'] LOOP
        EXECUTE format('DROP POLICY %I ON %I', t || '_tenant_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = (SELECT smgw_bound_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT smgw_bound_tenant()))', t || '_tenant_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    END LOOP;
    -- Platform tables: the login role reaches them only in a transaction bound to no tenant.
    FOREACH t IN ARRAY ARRAY['tenant_ca', 'audit_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT smgw_bound_tenant()) IS NULL)'
                       ' WITH CHECK ((SELECT smgw_bound_tenant()) IS NULL)', t || '_unbound_only', t);
        EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
END
$$;

-- smgw_tenant is no longer switched to; it keeps no privilege (the role itself is cluster-wide and stays).
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM smgw_tenant;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM smgw_tenant;

-- On PostgreSQL before 15 every role may create objects in schema public, and would then own them.
DO $$
BEGIN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'CREATE on schema public not revoked from PUBLIC (the schema is not ours): revoke it as its owner';
END
$$;

-- What the login role needs, and nothing else. Readings and Eichlog entries are never updated or deleted by the
-- platform; reading_gap only gets its fill columns set.
GRANT SELECT, INSERT, UPDATE ON tenant TO ${login_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON household, gateway TO ${login_role};
GRANT SELECT, INSERT, UPDATE ON enrollment_code, certificate, reading_batch, taf6_request, meter_reading_day TO ${login_role};
GRANT SELECT, INSERT ON meter_reading, reading_gap, reading_reject, eichlog_entry, taf6_reading TO ${login_role};
GRANT UPDATE (filled_batch_id, filled_at) ON reading_gap TO ${login_role};
GRANT SELECT, INSERT, UPDATE ON tenant_ca TO ${login_role};
GRANT SELECT, INSERT ON audit_event TO ${login_role};
GRANT SELECT ON flyway_schema_history TO ${login_role};
GRANT USAGE ON SEQUENCE household_id_seq, gateway_id_seq, enrollment_code_id_seq, certificate_id_seq, reading_batch_id_seq,
    reading_reject_id_seq, taf6_request_id_seq, taf6_reading_id_seq, audit_event_id_seq TO ${login_role};
GRANT EXECUTE ON FUNCTION smgw_bound_tenant(), smgw_bind_tenant(varchar), meter_reading_ensure_month(date) TO ${login_role};
