-- Every value from the SMGW.Lite door (issue 15, V18) carries its origin into what is read from it: the chart's read
-- model meter_reading_day (V6/V8), which CSV, reports and MSCONS read, and the TAF month reports (V17).
--
-- Format of meter_reading_day.readings from V19 on (V8's, one bit more; big-endian, one entry per reading, no order):
--   int4  seconds since the start of the UTC day (slot_start)
--   int1  kind: bit 0 is the value's form, bit 1 its origin
--           0: signed, an int8 follows            1: signed, an int2 length and that many ASCII digits follow
--           2: legacy, an int8 follows            3: legacy, an int2 length and that many ASCII digits follow
--   ...   value_unscaled (exact; numeric(30,0) beyond int8 takes the text form)
--   int2  scaler
--   int2  ptb_level
-- Kinds 0 and 1 mean what they meant in V8, so no existing day row is rewritten: a row written before V19 holds
-- signed readings, except the days that hold readings of the legacy door (V18, same release), which are rebuilt below.
-- An entry has the same size as before (LegacyUploadIT counts 17 bytes per int8 reading).
-- LoadCurveQuery.unpack (platform-core) is the reader; meter_reading_pack is the only writer.
CREATE FUNCTION meter_reading_pack(slot_start timestamptz, value_unscaled numeric, scaler smallint, ptb_level smallint,
                                   origin varchar)
    RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT int4send(((extract(epoch FROM slot_start)::bigint % 86400 + 86400) % 86400)::int)
           || CASE WHEN value_unscaled BETWEEN -9223372036854775808 AND 9223372036854775807
                   THEN CASE WHEN origin = 'legacy' THEN '\x02'::bytea ELSE '\x00'::bytea END
                        || int8send(value_unscaled::bigint)
                   ELSE CASE WHEN origin = 'legacy' THEN '\x03'::bytea ELSE '\x01'::bytea END
                        || int2send(length(value_unscaled::text)::smallint) || convert_to(value_unscaled::text, 'UTF8')
              END
           || int2send(scaler) || int2send(ptb_level)
$$;

-- The trigger functions of V8, passing each row's origin (meter_reading.origin, NOT NULL with a CHECK since V18).
-- CREATE OR REPLACE keeps the triggers; the old four-argument pack goes, so no writer can leave the origin out.
CREATE OR REPLACE FUNCTION meter_reading_day_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO meter_reading_day AS d (tenant_id, household_id, obis, unit, day, readings)
    SELECT tenant_id, household_id, obis, unit, (slot_start AT TIME ZONE 'UTC')::date,
           string_agg(meter_reading_pack(slot_start, value_unscaled, scaler, ptb_level, origin), ''::bytea)
      FROM new_rows
     GROUP BY tenant_id, household_id, obis, unit, (slot_start AT TIME ZONE 'UTC')::date
    ON CONFLICT (tenant_id, household_id, obis, day, unit) DO UPDATE SET readings = d.readings || excluded.readings;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION meter_reading_day_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM meter_reading_day d
     USING (SELECT DISTINCT tenant_id, household_id, obis, (slot_start AT TIME ZONE 'UTC')::date AS day FROM old_rows) t
     WHERE d.tenant_id = t.tenant_id AND d.household_id = t.household_id AND d.obis = t.obis AND d.day = t.day;
    INSERT INTO meter_reading_day (tenant_id, household_id, obis, unit, day, readings)
    SELECT r.tenant_id, r.household_id, r.obis, r.unit, t.day,
           string_agg(meter_reading_pack(r.slot_start, r.value_unscaled, r.scaler, r.ptb_level, r.origin), ''::bytea)
      FROM (SELECT DISTINCT tenant_id, household_id, obis, (slot_start AT TIME ZONE 'UTC')::date AS day FROM old_rows) t
      JOIN meter_reading r ON r.tenant_id = t.tenant_id AND r.household_id = t.household_id AND r.obis = t.obis
                          AND r.slot_start >= t.day::timestamp AT TIME ZONE 'UTC'
                          AND r.slot_start < (t.day + 1)::timestamp AT TIME ZONE 'UTC'
     GROUP BY r.tenant_id, r.household_id, r.obis, r.unit, t.day;
    RETURN NULL;
END $$;

DROP FUNCTION meter_reading_pack(timestamptz, numeric, smallint, smallint);

-- The days that already hold legacy readings (written by V18's door with kind 0/1): rebuilt from meter_reading. Found
-- through the legacy batches' households, so meter_reading is read by its primary key, not scanned whole.
CREATE TEMPORARY TABLE v19_legacy_day ON COMMIT DROP AS
SELECT DISTINCT r.tenant_id, r.household_id, r.obis, (r.slot_start AT TIME ZONE 'UTC')::date AS day
  FROM (SELECT DISTINCT tenant_id, household_id FROM reading_batch WHERE origin = 'legacy') h
  JOIN meter_reading r ON r.tenant_id = h.tenant_id AND r.household_id = h.household_id
 WHERE r.origin = 'legacy';

DELETE FROM meter_reading_day d
 USING v19_legacy_day t
 WHERE d.tenant_id = t.tenant_id AND d.household_id = t.household_id AND d.obis = t.obis AND d.day = t.day;

INSERT INTO meter_reading_day (tenant_id, household_id, obis, unit, day, readings)
SELECT r.tenant_id, r.household_id, r.obis, r.unit, t.day,
       string_agg(meter_reading_pack(r.slot_start, r.value_unscaled, r.scaler, r.ptb_level, r.origin), ''::bytea)
  FROM v19_legacy_day t
  JOIN meter_reading r ON r.tenant_id = t.tenant_id AND r.household_id = t.household_id AND r.obis = t.obis
                      AND r.slot_start >= t.day::timestamp AT TIME ZONE 'UTC'
                      AND r.slot_start < (t.day + 1)::timestamp AT TIME ZONE 'UTC'
 GROUP BY r.tenant_id, r.household_id, r.obis, r.unit, t.day;

-- TAF 7 (V17): quarter hours whose energy rests on a legacy reading (counted among the true values and their PTB
-- levels as before; legacy readings have PTB level 3); TAF 1: the origin of each boundary reading ('signed' or
-- 'legacy'; null when the boundary is missing). Rows of earlier runs keep nulls until their month is run again.
ALTER TABLE taf_month_report
    ADD COLUMN legacy_quarter_hours integer,
    ADD COLUMN start_origin varchar(8) CONSTRAINT taf_month_report_start_origin CHECK (start_origin IN ('signed', 'legacy')),
    ADD COLUMN end_origin   varchar(8) CONSTRAINT taf_month_report_end_origin CHECK (end_origin IN ('signed', 'legacy'));
