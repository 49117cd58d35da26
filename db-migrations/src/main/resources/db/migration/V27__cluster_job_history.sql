-- The jobs' history is pruned (issue 16). cluster_job_run (V21) gains a row per job and slot, forever: the two
-- quarter-hourly jobs (taf6-expiry, attempt-failure-sweep) alone add 192 a day. The daily job job-history
-- (org.smgwlite.platform.cluster.JobHistoryJob) deletes finished runs (finished_at set) older than
-- smgw.cluster.job-history-days, as the login role, outside a tenant binding like every statement on this table
-- (V21's policy cluster_job_run_unbound_only covers DELETE too). A claim not finished is never deleted: deleting it
-- would let a later tick run its slot again. Why a deleted finished slot is not run again: JobHistory's comment.

GRANT DELETE ON cluster_job_run TO ${login_role};
