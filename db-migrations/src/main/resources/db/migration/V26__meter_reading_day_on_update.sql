-- The chart's read model (meter_reading_day, V6/V8/V19) follows an UPDATE of meter_reading too: until now only INSERT
-- and DELETE had triggers, and an UPDATE (by the owner: the login role may not update readings, V10) left the day
-- rows stale. Readings are not updated in operation; a fix by hand, a migration or a test does it.
--
-- The affected days are rebuilt from meter_reading by V19's meter_reading_day_rebuild(), unchanged: it reads the keys
-- (tenant, household, OBIS, UTC day of slot_start) of the rows to rebuild from the transition table named old_rows.
-- An UPDATE can change any of these keys, so the days of the rows before and after the statement are rebuilt, by two
-- triggers: one passes the OLD TABLE as old_rows, the other the NEW TABLE under that same name. A day found in both
-- is rebuilt twice, to the same rows (each rebuild reads meter_reading as the statement left it).
--
-- Transition tables on a partitioned table are allowed for statement triggers on the parent (as V6's), one event per
-- trigger; an UPDATE that moves a row to another month's partition is captured in both tables like any other.
CREATE TRIGGER meter_reading_day_update_old AFTER UPDATE ON meter_reading
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meter_reading_day_rebuild();
CREATE TRIGGER meter_reading_day_update_new AFTER UPDATE ON meter_reading
    REFERENCING NEW TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meter_reading_day_rebuild();
