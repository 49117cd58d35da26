package org.smgwlite.platform.deployment;

/**
 * A development value that may be in effect, with the setting that replaces it and what an operator does about it.
 * The values themselves are published in this repository, so anyone could use them against a platform that runs on them.
 */
public enum DevelopmentValue {
    OIDC_CLIENT_SECRET("smgw.oidc.client-secret", "the development OIDC client secret",
            "set SMGW_OIDC_CLIENT_SECRET to the secret Keycloak generated for the client (Clients > smgw-platform > Credentials)"),
    PKI_SECRET("smgw.pki.secret", "the development PKI key password",
            "set SMGW_PKI_SECRET (at least 16 characters; the same secret the pki CLI used for the root's key)"),
    PKI_PEPPER("smgw.pki.pepper", "the development enrollment-code pepper",
            "set SMGW_PKI_PEPPER (at least 32 random characters)"),
    DEVELOPMENT_ROOT_CA("smgw.pki.dir", "a development root CA created by the platform",
            "create the root offline with 'pki/pki init-root --dir DIR' and point SMGW_PKI_DIR at DIR"),
    PLAIN_HTTP_ENROLLMENT("smgw.development.plain-http-enrollment", "enrollment over plain HTTP (one-time codes readable on the path)",
            "remove SMGW_DEVELOPMENT_PLAIN_HTTP_ENROLLMENT; gateways enroll on the device port over TLS");

    /** The development values' texts: the defaults the run command relies on. */
    public static final String DEV_OIDC_CLIENT_SECRET = "smgw-dev-secret";
    public static final String DEV_PKI_SECRET = "dev-only-smgw-pki-secret-change-me";
    public static final String DEV_PKI_PEPPER = "dev-only-smgw-enrollment-pepper-change-me-please";

    private final String setting;
    private final String description;
    private final String remedy;

    DevelopmentValue(String setting, String description, String remedy) {
        this.setting = setting;
        this.description = description;
        this.remedy = remedy;
    }

    public String setting() {
        return setting;
    }

    /** One line: the setting, what is in effect and the remedy. */
    public String describe() {
        return setting + ": " + description + " is in effect; " + remedy;
    }
}
