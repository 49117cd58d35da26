/**
 * An operator's gateways: the tenant's list and, per gateway, TAF 6 on-demand readings — request one with a reason,
 * watch it go from queued to answered and see the values that arrived.
 */
package org.smgwlite.admin.gateway;
