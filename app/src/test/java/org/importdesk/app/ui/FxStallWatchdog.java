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
            lastCpu = cpu;
            pulses++;
        }
    };

    long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    /** FX thread. */
    void start() {
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
