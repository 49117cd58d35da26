-- A gap stays recorded when its value arrives later (a gateway's backlog, a re-sent batch): it is marked
-- filled, with the batch that filled it, and no longer shown as a gap. The history of the hole is kept.
ALTER TABLE reading_gap ADD COLUMN filled_batch_id bigint REFERENCES reading_batch (id);
ALTER TABLE reading_gap ADD COLUMN filled_at timestamptz;
ALTER TABLE reading_gap ADD CONSTRAINT reading_gap_filled_together
    CHECK ((filled_batch_id IS NULL) = (filled_at IS NULL));
CREATE INDEX reading_gap_open_idx ON reading_gap (tenant_id, household_id, obis, slot_start) WHERE filled_batch_id IS NULL;

GRANT UPDATE (filled_batch_id, filled_at) ON reading_gap TO smgw_tenant;
