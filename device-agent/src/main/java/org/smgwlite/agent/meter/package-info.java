/**
 * Meter readings as the platform sees them: OBIS code, exact value with scaler and unit, server id, quirks applied.
 * Maps decoded SML and D0 telegrams to these records; the only place that knows meter-specific workarounds.
 */
package org.smgwlite.agent.meter;
