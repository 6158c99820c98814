package digitlab.core.train.parallel;

/**
 * What a replica measured on its share of a round, before each batch's update, for the epoch figures.
 *
 * @param examples examples trained
 * @param lossSum sum over the share's batches of batch cost times batch size
 * @param correct examples classified correctly
 */
public record ShareResult(int examples, double lossSum, int correct) {}
