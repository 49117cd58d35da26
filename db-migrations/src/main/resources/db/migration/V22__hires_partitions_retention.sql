-- Retention (issue 16): how old data leaves the database, owned here so that the platform's login role (V10) can
-- run it through a few narrow SECURITY DEFINER functions, as it creates partitions through meter_reading_ensure_month.
--
--   * retention_target lists the tables and how each is retired; the functions refuse any table not listed. Adding a
--     table to the retention is one INSERT line below (method 'aged': rows older than smgw.retention.log-days go).
--   * 'partition' tables are partitioned by month (name <table>_YYYY_MM); a month is archived to a file by the
--     platform (RetentionJob) and then detached and dropped, in one transaction: a failed archive rolls it all back.
--   * 'month_rows' tables follow a partitioned table's month: their rows of that month are deleted and archived in
--     the same transaction (DELETE ... RETURNING feeds the archive, so what is archived is exactly what is deleted).
--   * 'derived' tables are rebuilt from the partition (meter_reading_day): their rows of the month are deleted, not
--     archived (the archive of meter_reading rebuilds them).
--   * reading_batch (the signed uploads: the proof), reading_reject, eichlog_entry, taf6_*, reports: never retired.
-- meter_reading_hires (V18, a plain table) becomes partitioned by month here, like meter_reading (V3).

CREATE TABLE retention_target (
    table_name  varchar(63) PRIMARY KEY,
    time_column varchar(63) NOT NULL,
    method      varchar(10) NOT NULL CHECK (method IN ('partition', 'month_rows', 'derived', 'aged')),
    month_of    varchar(63) REFERENCES retention_target (table_name),
    setting     varchar(80),
    CONSTRAINT retention_target_follows CHECK ((method IN ('month_rows', 'derived')) = (month_of IS NOT NULL)),
    CONSTRAINT retention_target_setting CHECK ((method IN ('partition', 'aged')) = (setting IS NOT NULL))
);

INSERT INTO retention_target VALUES ('meter_reading',       'slot_start',  'partition',  NULL,            'smgw.retention.months');
INSERT INTO retention_target VALUES ('meter_reading_day',   'day',         'derived',    'meter_reading', NULL);
INSERT INTO retention_target VALUES ('substitute_value',    'slot_start',  'month_rows', 'meter_reading', NULL);
INSERT INTO retention_target VALUES ('reading_gap',         'slot_start',  'month_rows', 'meter_reading', NULL);
INSERT INTO retention_target VALUES ('meter_reading_hires', 'read_at',     'partition',  NULL,            'smgw.retention.hires-months');
INSERT INTO retention_target VALUES ('legacy_event',        'received_at', 'aged',       NULL,            'smgw.retention.log-days');
-- legacy_upload (V20, issue 15's per-upload log) when it exists: the one line a new table needs.
INSERT INTO retention_target SELECT 'legacy_upload', 'received_at', 'aged', NULL, 'smgw.retention.log-days'
 WHERE to_regclass('public.legacy_upload') IS NOT NULL;

-- Deleting old events in batches walks this index instead of the whole table per batch.
CREATE INDEX legacy_event_received_idx ON legacy_event (received_at);

-- Refuses when the transaction is bound to a tenant: retention is the platform's own work over all tenants.
CREATE FUNCTION retention_require_unbound() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.smgw_bound_tenant() IS NOT NULL THEN
        RAISE EXCEPTION 'retention runs outside a tenant binding' USING ERRCODE = '42501';
    END IF;
END
$$;

-- Refuses a month that has not ended before the current month began: the current and coming months are never retired.
CREATE FUNCTION retention_require_ended(month date) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF date_trunc('month', month) + interval '1 month' > date_trunc('month', now() AT TIME ZONE 'UTC') THEN
        RAISE EXCEPTION 'month % has not ended before this month: not retired', date_trunc('month', month)::date
            USING ERRCODE = '22023';
    END IF;
END
$$;

CREATE FUNCTION retention_target_of(tbl text, wanted text) RETURNS public.retention_target
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t public.retention_target;
BEGIN
    SELECT * INTO t FROM public.retention_target r WHERE r.table_name = tbl AND r.method = wanted;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'table % is not listed in retention_target with method %', tbl, wanted USING ERRCODE = '42501';
    END IF;
    RETURN t;
END
$$;

-- The month's partition of a 'partition' table, created when missing (the generic meter_reading_ensure_month).
CREATE FUNCTION partition_ensure_month(tbl text, month date) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    first date := date_trunc('month', month)::date;
BEGIN
    PERFORM public.retention_target_of(tbl, 'partition');
    EXECUTE format('CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
                   tbl || '_' || to_char(first, 'YYYY_MM'), tbl, first || ' 00:00:00+00',
                   (first + interval '1 month')::date || ' 00:00:00+00');
END
$$;

-- Step 1 of retiring a month: the partition (null when none is attached) locked against writes (SHARE: readers of
-- the parent and writers of other months go on) and readable by the calling login role for this transaction only
-- (the grant is rolled back or dropped with the table). Only months that ended before the current month began.
CREATE FUNCTION retention_month_open(tbl text, month date) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    part text := tbl || '_' || to_char(date_trunc('month', month), 'YYYY_MM');
BEGIN
    PERFORM public.retention_require_unbound();
    PERFORM public.retention_target_of(tbl, 'partition');
    PERFORM public.retention_require_ended(month);
    IF NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = format('public.%I', tbl)::regclass
                                                 AND i.inhrelid = to_regclass(format('public.%I', part))) THEN
        RETURN NULL;
    END IF;
    EXECUTE format('LOCK TABLE public.%I IN SHARE MODE', part);
    EXECUTE format('GRANT SELECT ON public.%I TO %I', part, session_user);
    RETURN part;
END
$$;

-- Step 2, per 'month_rows' table: deletes its rows of the month and returns them (called with NULL::<table> as the
-- row type), so that COPY (SELECT * FROM retention_month_take(...)) archives exactly the rows deleted.
CREATE FUNCTION retention_month_take(probe anyelement, month date) RETURNS SETOF anyelement
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t     public.retention_target;
    first timestamptz := date_trunc('month', month)::timestamp AT TIME ZONE 'UTC';
BEGIN
    PERFORM public.retention_require_unbound();
    t := public.retention_target_of((SELECT c.relname FROM pg_type ty JOIN pg_class c ON c.oid = ty.typrelid
                                      WHERE ty.oid = pg_typeof(probe) AND c.relnamespace = 'public'::regnamespace),
                                    'month_rows');
    PERFORM public.retention_require_ended(month);
    RETURN QUERY EXECUTE format('DELETE FROM public.%I WHERE %I >= $1 AND %I < $2 RETURNING *',
                                t.table_name, t.time_column, t.time_column) USING first, first + interval '1 month';
END
$$;

-- Step 3, after the archive is written and verified: the derived rows of the month deleted, the partition detached
-- and dropped. Not DETACH ... CONCURRENTLY: PostgreSQL refuses it inside a transaction block or function and when
-- the parent has a DEFAULT partition (both hold here). The plain DETACH holds the parent's ACCESS EXCLUSIVE lock
-- from here to the commit, which follows at once; lock_timeout keeps a queue from forming behind it.
CREATE FUNCTION retention_month_close(tbl text, month date) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '10s' AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    part  text := tbl || '_' || to_char(date_trunc('month', month), 'YYYY_MM');
    d     public.retention_target;
BEGIN
    PERFORM public.retention_require_unbound();
    PERFORM public.retention_target_of(tbl, 'partition');
    PERFORM public.retention_require_ended(month);
    FOR d IN SELECT * FROM public.retention_target r WHERE r.month_of = tbl AND r.method = 'derived' LOOP
        EXECUTE format('DELETE FROM public.%I WHERE %I >= $1 AND %I < $2', d.table_name, d.time_column, d.time_column)
            USING first, (first + interval '1 month')::date;
    END LOOP;
    EXECUTE format('ALTER TABLE public.%I DETACH PARTITION public.%I', tbl, part);
    EXECUTE format('DROP TABLE public.%I', part);
END
$$;

-- Rows of an 'aged' table older than the given time, at most batch of them; returns how many went.
CREATE FUNCTION retention_delete_aged(tbl text, before timestamptz, batch integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t    public.retention_target;
    gone integer;
BEGIN
    PERFORM public.retention_require_unbound();
    t := public.retention_target_of(tbl, 'aged');
    EXECUTE format('DELETE FROM public.%I WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.%I WHERE %I < $1 LIMIT $2))',
                   t.table_name, t.table_name, t.time_column) USING before, batch;
    GET DIAGNOSTICS gone = ROW_COUNT;
    RETURN gone;
END
$$;

-- meter_reading_hires by month, like meter_reading: same columns, a DEFAULT partition, partitions from its oldest
-- row's month (2020 at the earliest: older values are refused on arrival) to three months ahead.
ALTER TABLE meter_reading_hires RENAME TO meter_reading_hires_v18;
ALTER INDEX meter_reading_hires_pkey RENAME TO meter_reading_hires_v18_pkey;

CREATE TABLE meter_reading_hires (
    LIKE meter_reading_hires_v18 INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES,
    FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    FOREIGN KEY (household_id) REFERENCES household (id)
) PARTITION BY RANGE (read_at);
CREATE TABLE meter_reading_hires_default PARTITION OF meter_reading_hires DEFAULT;

DO $$
DECLARE
    m date := greatest(date '2020-01-01', least(
        (SELECT date_trunc('month', min(read_at) AT TIME ZONE 'UTC')::date FROM meter_reading_hires_v18),
        date_trunc('month', now() AT TIME ZONE 'UTC')::date));
BEGIN
    WHILE m <= date_trunc('month', now() AT TIME ZONE 'UTC' + interval '3 months')::date LOOP
        PERFORM partition_ensure_month('meter_reading_hires', m);
        m := (m + interval '1 month')::date;
    END LOOP;
END
$$;

INSERT INTO meter_reading_hires (tenant_id, household_id, obis, read_at, value_unscaled, scaler, unit, origin, batch_id, received_at)
SELECT tenant_id, household_id, obis, read_at, value_unscaled, scaler, unit, origin, batch_id, received_at
  FROM meter_reading_hires_v18;
DROP TABLE meter_reading_hires_v18;

ALTER TABLE meter_reading_hires ENABLE ROW LEVEL SECURITY;
ALTER TABLE meter_reading_hires FORCE ROW LEVEL SECURITY;
CREATE POLICY meter_reading_hires_tenant_isolation ON meter_reading_hires
    USING (tenant_id = (SELECT smgw_bound_tenant())) WITH CHECK (tenant_id = (SELECT smgw_bound_tenant()));
CREATE POLICY meter_reading_hires_owner ON meter_reading_hires TO CURRENT_USER USING (true) WITH CHECK (true);

REVOKE ALL ON FUNCTION retention_require_unbound(), retention_require_ended(date), retention_target_of(text, text), partition_ensure_month(text, date),
    retention_month_open(text, date), retention_month_take(anyelement, date), retention_month_close(text, date),
    retention_delete_aged(text, timestamptz, integer) FROM PUBLIC;

GRANT SELECT, INSERT ON meter_reading_hires TO ${login_role};
GRANT SELECT ON retention_target TO ${login_role};
GRANT EXECUTE ON FUNCTION partition_ensure_month(text, date), retention_month_open(text, date),
    retention_month_take(anyelement, date), retention_month_close(text, date),
    retention_delete_aged(text, timestamptz, integer) TO ${login_role};
