-- Failure limits shared by the nodes of a deployment group (issue 16). The two doors that need no client certificate
-- (first enrollment over EST, the SMGW.Lite firmware's token) limit failed attempts per id and per client address;
-- each node kept its counts in memory, so behind a round-robin balancer an attacker got the limit once per node. Every
-- node now also counts here (org.smgwlite.platform.certificate.AttemptFailureStore), and refuses from its own memory
-- whatever it has already seen refused, so a flood costs the database at most the limit's writes per key and window:
--   * one row per (scope, key): scope names the door and what is counted ('enrollment-gateway', 'legacy-address',
--     ...), key the tenant's id or the client address (cut to 100 characters by the platform);
--   * a failure is one upsert: a new key, or one whose window has ended, starts over at 1 with window_end = now +
--     the door's window; otherwise failures + 1 with the window unchanged; it returns the new count;
--   * the window's end, not its start, is stored: the retry time is read off it, and the sweep deletes ended rows
--     without knowing each door's window (a cluster-once job every quarter hour, AttemptFailureSweep);
--   * a success writes nothing, unless the id had failures: then its row is deleted (a success forgets the id);
--   * times are the nodes' clocks (UTC), passed with each statement, the same clock as each node's memory.
-- A platform table like cluster_job_run: no tenant owns a row, and the login role reaches it only in a transaction
-- bound to no tenant (each statement runs on its own, autocommit, outside the request's transaction: a refusal rolls
-- the request back, its failure must stay counted).

CREATE TABLE attempt_failure (
    scope      varchar(40)  NOT NULL CONSTRAINT attempt_failure_scope CHECK (scope ~ '^[a-z][a-z0-9-]{0,39}$'),
    key        varchar(200) NOT NULL,
    failures   integer      NOT NULL CHECK (failures > 0),
    window_end timestamptz  NOT NULL,
    PRIMARY KEY (scope, key)
);

-- The sweep deletes rows whose window has ended; it walks this index instead of the table.
CREATE INDEX attempt_failure_window_end ON attempt_failure (window_end);

ALTER TABLE attempt_failure ENABLE ROW LEVEL SECURITY;
ALTER TABLE attempt_failure FORCE ROW LEVEL SECURITY;
CREATE POLICY attempt_failure_unbound_only ON attempt_failure USING ((SELECT smgw_bound_tenant()) IS NULL)
    WITH CHECK ((SELECT smgw_bound_tenant()) IS NULL);
CREATE POLICY attempt_failure_owner ON attempt_failure TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON attempt_failure TO ${login_role};
