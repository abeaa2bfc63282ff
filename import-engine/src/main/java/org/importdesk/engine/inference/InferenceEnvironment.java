package org.importdesk.engine.inference;

import ai.djl.Device;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where and how DJL runs. Must be applied before the first DJL engine class loads: every entry point of this package
 * calls {@link #configure()}.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true} always (nothing is downloaded at run time; without it the PyTorch engine tries
 *       to reach a cloud metadata address at start).</li>
 *   <li>Cache for the unpacked libtorch (about 430 MB, first start only): {@code DJL_CACHE_DIR} (system property or
 *       environment), default {@code ~/.importdesk/djl}.</li>
 *   <li>Device: system property {@code importdesk.inference.device} or environment {@code IMPORTDESK_INFERENCE_DEVICE},
 *       {@code cpu} (default) or {@code gpu}. {@code gpu} needs the CUDA 12.4 natives in the build
 *       ({@code ./mvnw install -Dgpu}, which bundles {@code pytorch-native-cu124} instead of the CPU natives) and a
 *       CUDA 12.4 capable driver; if no GPU is visible the engine falls back to the CPU and says so.</li>
 *   <li>CPU threads of libtorch: {@code importdesk.inference.threads} / {@code IMPORTDESK_INFERENCE_THREADS}, default 1.
 *       The networks are small; measured on the 2-core build machine under load, 2 intra-op threads made one
 *       64 px inference take about 300 ms on average (threads waiting on each other), 1 thread 6-18 ms.</li>
 * </ul>
 */
public final class InferenceEnvironment {

    public static final String DEVICE_PROPERTY = "importdesk.inference.device";
    public static final String DEVICE_ENV = "IMPORTDESK_INFERENCE_DEVICE";
    public static final String THREADS_PROPERTY = "importdesk.inference.threads";
    public static final String THREADS_ENV = "IMPORTDESK_INFERENCE_THREADS";

    private static volatile boolean configured;

    private InferenceEnvironment() {
    }

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    Path.of(System.getProperty("user.home"), ".importdesk", "djl").toString());
        }
        String threads = System.getProperty(THREADS_PROPERTY, System.getenv(THREADS_ENV));
        threads = threads == null || threads.isBlank() ? "1" : threads.trim();
        if (!threads.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be a number of threads (1-99), not: " + threads);
        }
        setIfAbsent("ai.djl.pytorch.num_threads", threads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL's usage telemetry is off; nothing leaves the workstation.
        System.setProperty("OPT_OUT_TRACKING", "true");
        // slf4j-simple (the app's binding): DJL's start-up chatter at INFO is not for the radiographer, and on a
        // CPU-only machine its failed CUDA probe is expected, not a warning
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "warn");
        if (requestedDevice().equals("cpu")) {
            setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The configured device name: "cpu" or "gpu". */
    public static String requestedDevice() {
        String value = System.getProperty(DEVICE_PROPERTY, System.getenv(DEVICE_ENV));
        if (value == null || value.isBlank()) {
            return "cpu";
        }
        String device = value.trim().toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException(DEVICE_PROPERTY + " must be cpu or gpu, not: " + value);
        }
        return device;
    }

    /** The DJL device to run on: the GPU only when asked for and present. */
    public static Device device() {
        configure();
        if (requestedDevice().equals("gpu")) {
            if (ai.djl.engine.Engine.getInstance().getGpuCount() > 0) {
                return Device.gpu();
            }
            org.slf4j.LoggerFactory.getLogger(InferenceEnvironment.class)
                    .warn("GPU requested ({}=gpu) but none is visible to libtorch (CPU natives or no driver): using the CPU",
                            DEVICE_PROPERTY);
        }
        return Device.cpu();
    }
}
