/**
 * The certificate authorities as operators and platform administrators see them: a tenant's issuing CA (chain, CRL,
 * counts) and the platform root that gateways pin. Read-only; gateways and their own certificates are elsewhere.
 */
package org.smgwlite.admin.certificate;
