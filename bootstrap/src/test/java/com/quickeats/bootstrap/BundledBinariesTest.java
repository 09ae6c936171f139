package com.quickeats.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledBinariesTest {

    @ParameterizedTest
    @CsvSource({"Linux, amd64", "Linux, aarch64", "Mac OS X, x86_64", "Mac OS X, aarch64"})
    void theJarCarriesPostgresForLinuxAndMacOnBothArchitectures(String osName, String osArch) {
        assertThatCode(() -> BundledBinaries.requireFor(osName, osArch)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"Windows 11, amd64", "Linux, riscv64", "FreeBSD, amd64"})
    void anyOtherMachineIsToldInOneLineToBringItsOwnPostgres(String osName, String osArch) {
        assertThatThrownBy(() -> BundledBinaries.requireFor(osName, osArch))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("the embedded PostgreSQL does not run on " + osName + " " + osArch)
                .hasMessageContaining("QUICKEATS_DATABASE_URL")
                .hasMessageNotContaining("\n");
    }
}
