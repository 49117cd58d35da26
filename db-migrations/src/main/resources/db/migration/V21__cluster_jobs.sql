-- Scheduled work once per cluster (issue 16). Every node of a Payara deployment group fires the same non-persistent
-- @Schedule timers; before a job runs, its node claims the job's slot (the day, the month the run is for) here, and
-- only the node whose claim is stored runs it (org.smgwlite.platform.cluster.ClusterJobs):
--   * the first INSERT of (job, slot) wins; a node that finds the row skips the slot;
--   * a running node renews lease_until while it works; a claim that is not finished and whose lease has run out
--     (its node died mid-run) is taken over by the next tick of any node: attempt + 1, taken_from = the old node;
--   * a finished claim (outcome DONE or FAILED) is never run again.
-- All times are the database's now(), so the nodes' clocks do not matter. A platform table like tenant_ca and
-- audit_event: no tenant owns a row, and the login role reaches it only in a transaction bound to no tenant.

CREATE TABLE cluster_job_run (
    job         varchar(64)  NOT NULL CONSTRAINT cluster_job_name CHECK (job ~ '^[a-z][a-z0-9-]{0,63}$'),
    slot        timestamptz  NOT NULL,
    node        varchar(200) NOT NULL,
    attempt     integer      NOT NULL DEFAULT 1 CHECK (attempt > 0),
    taken_from  varchar(200),
    claimed_at  timestamptz  NOT NULL DEFAULT now(),
    lease_until timestamptz  NOT NULL,
    finished_at timestamptz,
    outcome     varchar(8)   CHECK (outcome IN ('DONE', 'FAILED')),
    detail      varchar(500),
    PRIMARY KEY (job, slot),
    CONSTRAINT cluster_job_finished_has_outcome CHECK ((finished_at IS NULL) = (outcome IS NULL))
);

-- The operators' list (GET /api/platform/jobs): newest claims first.
CREATE INDEX cluster_job_run_claimed ON cluster_job_run (claimed_at DESC);

ALTER TABLE cluster_job_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE cluster_job_run FORCE ROW LEVEL SECURITY;
CREATE POLICY cluster_job_run_unbound_only ON cluster_job_run USING ((SELECT smgw_bound_tenant()) IS NULL)
    WITH CHECK ((SELECT smgw_bound_tenant()) IS NULL);
CREATE POLICY cluster_job_run_owner ON cluster_job_run TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON cluster_job_run TO ${login_role};
