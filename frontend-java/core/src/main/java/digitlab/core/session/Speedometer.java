package digitlab.core.session;

/**
 * Examples per second over the recent past: an exponentially weighted rate of examples over the time
 * spent training (reporting and waiting excluded), so one slow chunk does not make the number jump.
 */
public final class Speedometer {
    /** Weight of the newest chunk. */
    private static final double ALPHA = 0.2;

    private double examplesPerMs = Double.NaN;

    public void restart() {
        examplesPerMs = Double.NaN;
    }

    public void add(double millis, long examples) {
        if (millis <= 0) {
            return;
        }
        double rate = examples / millis;
        examplesPerMs = Double.isNaN(examplesPerMs) ? rate : examplesPerMs + ALPHA * (rate - examplesPerMs);
    }

    public double examplesPerSecond() {
        return Double.isNaN(examplesPerMs) ? 0 : examplesPerMs * 1000;
    }
}
