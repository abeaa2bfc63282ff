package org.importdesk.app.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread stays busy: an animation timer asks for a pulse every frame (about 16 ms); the
 * longest gap between two pulses, less one frame, is the longest stall of the FX thread while it ran.
 */
final class FxStallWatchdog {
    private static final long FRAME_NANOS = 16_666_667L;
    private long last;
    private long worstGap;
    private long pulses;
    private final long origin = System.nanoTime();
    final java.util.List<String> stalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Milliseconds since this watchdog was made: to place stalls among the test's steps. */
    long now() {
        return (System.nanoTime() - origin) / 1_000_000;
    }
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (last != 0) {
                worstGap = Math.max(worstGap, t - last);
                if (t - last > 100_000_000L) {
                    stalls.add(String.format(java.util.Locale.ROOT, "%.0f ms ending at +%d ms", (t - last) / 1e6,
                            (t - origin) / 1_000_000));
                }
            }
            last = t;
            pulses++;
        }
    };

    /** FX thread. */
    void start() {
        last = 0;
        worstGap = 0;
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

    /** The longest stall in milliseconds (gap between pulses less one frame). */
    double worstStallMillis() {
        return Math.max(0, worstGap - FRAME_NANOS) / 1e6;
    }

    long pulses() {
        return pulses;
    }

    /** Forgets what was measured so far (e.g. after the window's first layout). Any thread; racy but harmless. */
    void reset() {
        worstGap = 0;
        last = 0;
    }
}
