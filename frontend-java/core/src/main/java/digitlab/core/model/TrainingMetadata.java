package digitlab.core.model;

/**
 * What a saved model remembers about its training, for display: finished epochs, examples seen, and
 * the test accuracy at save time ({@code NaN} if it was never measured).
 */
public record TrainingMetadata(int epochs, long examplesSeen, float testAccuracy) {
    /**
     * @throws IllegalArgumentException for negative counts or an accuracy outside [0, 1]
     */
    public TrainingMetadata {
        if (epochs < 0 || examplesSeen < 0) {
            throw new IllegalArgumentException("epochs and examplesSeen must not be negative");
        }
        if (!Float.isNaN(testAccuracy) && !(testAccuracy >= 0f && testAccuracy <= 1f)) {
            throw new IllegalArgumentException("test accuracy " + testAccuracy + " is outside [0, 1]");
        }
    }
}
