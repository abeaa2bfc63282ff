package org.importdesk.engine.inference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceEnvironmentTest {

    @AfterEach
    void clear() {
        System.clearProperty(InferenceEnvironment.DEVICE_PROPERTY);
    }

    @Test
    void runsOfflineOnTheCpuUnlessAGpuIsConfigured() {
        InferenceEnvironment.configure();
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("DJL_CACHE_DIR") != null || System.getenv("DJL_CACHE_DIR") != null).isTrue();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(InferenceEnvironment.DEVICE_ENV) == null);
        assertThat(InferenceEnvironment.requestedDevice()).isEqualTo("cpu");
        assertThat(InferenceEnvironment.device().isGpu()).isFalse();

        System.setProperty(InferenceEnvironment.DEVICE_PROPERTY, " GPU ");
        assertThat(InferenceEnvironment.requestedDevice()).isEqualTo("gpu");
        System.setProperty(InferenceEnvironment.DEVICE_PROPERTY, "tpu");
        assertThatThrownBy(InferenceEnvironment::requestedDevice).hasMessageContaining("cpu or gpu");
    }
}
