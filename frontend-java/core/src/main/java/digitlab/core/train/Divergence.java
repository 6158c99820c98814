package digitlab.core.train;

/** Why a run was stopped as {@link TrainingStatus#DIVERGED}: what was seen, and its likely cause. */
public enum Divergence {
    /** The cost or a weight became NaN or infinite. */
    NOT_FINITE("the loss or a weight became NaN or infinite: the learning rate is far too high"),
    /** The smoothed cost stayed far above where the run started. */
    LOSS_EXPLODED("the loss stayed far above where it started: the learning rate is too high"),
    /** A hidden layer output 0 for every unit and every example: dead ReLUs pass nothing on and never recover. */
    DEAD_LAYER("every unit of a hidden layer outputs 0 for every image (dead ReLUs), so nothing"
            + " reaches the output and no gradient flows back: the learning rate is too high"),
    /** Training accuracy stayed at chance level. */
    AT_CHANCE("the training accuracy stayed at chance level (about 1 in 10): the network is not"
            + " learning; the learning rate is probably too high (or far too low)");

    private final String explanation;

    Divergence(String explanation) {
        this.explanation = explanation;
    }

    /** What was seen and its likely cause, as the end of a sentence. */
    public String explanation() {
        return explanation;
    }
}
