-- The chart's read model (meter_reading_day, V6/V8/V19) follows an UPDATE of meter_reading too: until now only INSERT
-- and DELETE had triggers, and an UPDATE or an upsert (INSERT ... ON CONFLICT DO UPDATE) left the day rows stale.
-- Readings are not updated in operation (the login role may not, V10); a fix by hand, a migration or a test does it.
--
-- The affected days are rebuilt from meter_reading by V19's meter_reading_day_rebuild(), unchanged: it reads the keys
-- (tenant, household, OBIS, UTC day of slot_start) of the rows to rebuild from the transition table named old_rows.
-- An UPDATE can change any of these keys, so the days of the rows before and after the statement are rebuilt, by two
-- triggers: one passes the OLD TABLE as old_rows, the other the NEW TABLE under that same name. A day found in both
-- is rebuilt twice, to the same rows (each rebuild reads meter_reading as the statement left it).
--
-- An upsert fires the UPDATE triggers first, then the INSERT ones (PostgreSQL's order, fixed): the rebuild already holds
-- the rows the statement inserted into a day it also updated, and meter_reading_day_add then appends them a second
-- time. So the UPDATE marks its statement (BEFORE, so that the mark is set when the INSERT triggers' WHEN is checked at
-- the statement's end), and after the append (trigger names fire in alphabetical order) the days of the inserted rows
-- are rebuilt once more, from meter_reading. Plain inserts, as the platform makes them, are not marked: they append.
--
-- Transition tables on a partitioned table are allowed for statement triggers on the parent (as V6's), one event per
-- trigger; an UPDATE that moves a row to another month's partition is captured in both tables like any other.
CREATE TRIGGER meter_reading_day_update_old AFTER UPDATE ON meter_reading
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meter_reading_day_rebuild();
CREATE TRIGGER meter_reading_day_update_new AFTER UPDATE ON meter_reading
    REFERENCING NEW TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meter_reading_day_rebuild();

-- The mark: the start of the client's statement, for the rest of the transaction (a later statement has another start).
CREATE FUNCTION meter_reading_day_mark_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('smgw.meter_reading_updated', statement_timestamp()::text, true);
    RETURN NULL;
END $$;

CREATE TRIGGER meter_reading_day_mark_update BEFORE UPDATE ON meter_reading
    FOR EACH STATEMENT EXECUTE FUNCTION meter_reading_day_mark_update();
CREATE TRIGGER meter_reading_day_upsert_insert AFTER INSERT ON meter_reading
    REFERENCING NEW TABLE AS old_rows FOR EACH STATEMENT
    WHEN (current_setting('smgw.meter_reading_updated', true) = statement_timestamp()::text)
    EXECUTE FUNCTION meter_reading_day_rebuild();
