-- The TAF month reports (issue 14): a tenant's month run and its results, one row per household and register.
-- taf_report_run: one row per tenant and month, the latest run (a new run replaces a finished one; while one is
-- RUNNING a second start returns it). Progress (households_done of households_total) is written as the run goes.
-- taf_month_report: what ReportService's run calculated (metering.report in platform-core), replaced as a whole by
-- the next run of the month in the run's own transaction, so a reader sees the previous results until then.
-- Energies are exact numerics in Wh; TAF 2 zones as a jsonb array [{"zone":"HT","wh":"123.4"}, ...] in the profile's
-- order (numbers as strings: no rounding on the way). Both tables are tenant-owned: V10's policy, owner policy, FORCE.

CREATE TABLE taf_report_run (
    tenant_id        varchar(40)  NOT NULL REFERENCES tenant (id),
    month            date         NOT NULL CHECK (extract(day FROM month) = 1),
    status           varchar(8)   NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    households_total integer      NOT NULL DEFAULT 0,
    households_done  integer      NOT NULL DEFAULT 0,
    started_by       varchar(255) NOT NULL,
    started_at       timestamptz  NOT NULL,
    finished_at      timestamptz,
    failure          text,
    PRIMARY KEY (tenant_id, month)
);

CREATE TABLE taf_month_report (
    tenant_id          varchar(40)   NOT NULL,
    month              date          NOT NULL,
    household_id       bigint        NOT NULL,
    obis               varchar(32)   NOT NULL,
    has_data           boolean       NOT NULL,
    expected           integer       NOT NULL,
    true_values        integer       NOT NULL,
    substitutes        integer       NOT NULL,
    gaps               integer       NOT NULL,
    pending            integer       NOT NULL,
    ptb_counts         integer[]     NOT NULL,
    completeness       numeric(5, 2) NOT NULL,
    first_at           timestamptz,
    first_value        numeric,
    last_at            timestamptz,
    last_value         numeric,
    unit               varchar(16),
    start_kind         varchar(10),
    start_value        numeric,
    start_method       varchar(16),
    end_kind           varchar(10),
    end_value          numeric,
    end_method         varchar(16),
    energy_wh          numeric,
    tariff_profile     varchar(100),
    zones              jsonb,
    error_wh           numeric,
    total_wh           numeric,
    missing            integer,
    computed_at        timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, month, household_id, obis)
);
-- The overview: worst completeness first, a page at a time.
CREATE INDEX taf_month_report_worst_idx ON taf_month_report (tenant_id, month, completeness, household_id, obis);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['taf_report_run', 'taf_month_report'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = (SELECT smgw_bound_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT smgw_bound_tenant()))', t || '_tenant_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON taf_report_run TO ${login_role};
GRANT SELECT, INSERT, DELETE ON taf_month_report TO ${login_role};
