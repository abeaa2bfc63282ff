package org.importdesk.app.ui;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures how long the FX thread is kept busy. An animation timer asks for a pulse every frame (about 16 ms); between
 * two pulses the FX thread runs event handlers, runLater work and the pulse itself. Two figures per gap:
 * the wall time between pulses (includes the time the thread waits for a CPU on a loaded machine and for the
 * renderer), and the CPU time the FX thread itself used in that gap (the work done on it, independent of load).
 */
final class FxStallWatchdog {
    private static final long FRAME_NANOS = 16_666_667L;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long origin = System.nanoTime();
    final List<String> stalls = new CopyOnWriteArrayList<>();
    private long last;
    private long lastCpu;
    private long worstGap;
    private long worstCpu;
    private long pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
            if (last != 0) {
                long gap = t - last;
                long busy = cpu - lastCpu;
                worstGap = Math.max(worstGap, gap);
                worstCpu = Math.max(worstCpu, busy);
                if (gap > 100_000_000L || busy > 50_000_000L) {
                    stalls.add(String.format(Locale.ROOT, "gap %.0f ms wall, %.0f ms FX-thread CPU, ending at +%d ms",
                            gap / 1e6, busy / 1e6, (t - origin) / 1_000_000));
                }
            }
            last = t;
            lastPulseNanos = t;
            lastCpu = cpu;
            pulses++;
        }
    };

    long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    private volatile Thread fxThread;
    private volatile long lastPulseNanos;
    final java.util.Map<String, Integer> stallFrames = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            Thread fx = fxThread;
            if (fx != null && lastPulseNanos != 0 && System.nanoTime() - lastPulseNanos > 60_000_000L
                    && fx.getState() == Thread.State.RUNNABLE) {
                // the FX thread is busy past a frame: remember which of our (or JavaFX's) frames it is in
                for (StackTraceElement e : fx.getStackTrace()) {
                    String c = e.getClassName();
                    if (c.startsWith("org.importdesk") || c.startsWith("javafx.scene.control.skin")
                            || c.startsWith("org.controlsfx") || c.startsWith("javafx.fxml")) {
                        stallFrames.merge(c + "." + e.getMethodName(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
    }, "fx-stall-sampler");

    /** The most frequent frames the FX thread was in while a pulse was overdue (5 ms samples). */
    List<String> topStallFrames(int n) {
        return stallFrames.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n).map(e -> e.getValue() + " x " + e.getKey()).toList();
    }

    /** FX thread. */
    void start() {
        fxThread = Thread.currentThread();
        if (!sampler.isAlive()) {
            sampler.setDaemon(true);
            sampler.start();
        }
        last = 0;
        worstGap = 0;
        worstCpu = 0;
        pulses = 0;
        timer.start();
    }

    /** Continues after a pause without counting the pause. FX thread. */
    void resume() {
        last = 0;
        timer.start();
    }

    /** FX thread. */
    void stop() {
        lastPulseNanos = 0;
        timer.stop();
    }

    /** The longest wall-clock gap between two pulses, less one frame, in milliseconds. */
    double worstStallMillis() {
        return Math.max(0, worstGap - FRAME_NANOS) / 1e6;
    }

    /** The most CPU time the FX thread used between two pulses, in milliseconds. */
    double worstBusyMillis() {
        return worstCpu / 1e6;
    }

    long pulses() {
        return pulses;
    }
}
