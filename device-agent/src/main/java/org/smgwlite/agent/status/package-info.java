/**
 * Status of a stored value: the meter's own status word plus the gateway's bits (time, silence, CRC errors),
 * mapped to one PTB level 0 (ok) .. 4 (fatal) so the platform can tell billable values from Ersatzwert cases.
 */
package org.smgwlite.agent.status;
