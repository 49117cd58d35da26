/**
 * Substitute values (Ersatzwerte: register values the platform makes for quarter hours a meter did not deliver): the
 * gap rules and exact distribution as plain classes, their table ({@code substitute_value}, V15) and the service and
 * day-after timer that make them. A true value is never altered; a late one replaces the substitute.
 */
package org.smgwlite.platform.metering.substitute;
