package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PlatformSettingTest {

    @Test
    void envNamesAreTheOnesThePlatformAndItsDocsUse() {
        assertThat(Arrays.stream(PlatformSetting.values()).map(PlatformSetting::envName)).containsExactly(
                "SMGW_DB_URL", "SMGW_DB_USER", "SMGW_DB_PASSWORD", "SMGW_DB_MIGRATION_USER", "SMGW_DB_MIGRATION_PASSWORD",
                "SMGW_OIDC_PROVIDER_URI", "SMGW_OIDC_CLIENT_ID", "SMGW_OIDC_CLIENT_SECRET",
                "SMGW_DEMO_DATA", "SMGW_MODE");
    }

    @Test
    void envNameFollowsMicroProfileConfigMappingOfTheKey() {
        assertThat(PlatformSetting.OIDC_PROVIDER_URI.configKey()).isEqualTo("smgw.oidc.provider-uri");
        assertThat(PlatformSetting.OIDC_PROVIDER_URI.envName()).isEqualTo("SMGW_OIDC_PROVIDER_URI");
    }
}
