package org.smgwlite.platform.audit;

/** What an audit event records. */
public enum AuditAction {
    GATEWAY_REGISTERED,
    ENROLLMENT_CODE_CREATED,
    CERTIFICATE_ISSUED,
    CERTIFICATE_RENEWED,
    CERTIFICATE_REVOKED,
    ENROLLMENT_REFUSED,
    RENEWAL_REFUSED,
    TENANT_CA_CREATED
}
