package digitlab.core.train;

import digitlab.core.nn.Rng;

/**
 * The order in which the mini-batch methods visit the training examples, epoch by epoch, for a training
 * set that may still be arriving in parts (the browser downloads MNIST shard by shard and trains on the
 * first ones meanwhile), and how far into that order the examples have arrived.
 *
 * <p>A run must be the same whether its data was all there at the start (Reset) or arrived while it
 * trained (a freshly loaded page), so the order depends only on the planned part sizes and the seed,
 * never on when parts arrive. Hence the first epoch visits the parts one after another, each part's
 * examples shuffled: a shuffle of the whole set would need examples of the last part in the first
 * batches and so hold the first step back until everything is in. Every later epoch, when all parts are
 * there, shuffles the whole set. With a single part (all data given at once) the first epoch is a whole
 * shuffle as well.
 */
final class EpochOrder {
    /** Example indices in visiting order; the first {@link #count} are used. */
    private int[] order;

    private int count;
    /** Where each planned part ends in the training set, and so in the first epoch's order. */
    private final int[] partEnds;
    /** The first {@code arrived} examples of the training set are there. */
    private int arrived;

    /**
     * The first epoch's order for examples arriving in parts of {@code partSizes}, in that order; only the
     * first {@code limit} examples are used.
     */
    EpochOrder(int[] partSizes, int limit, Rng rng) {
        partEnds = new int[partSizes.length];
        int end = 0;
        for (int p = 0; p < partSizes.length; p++) {
            if (partSizes[p] < 0) {
                throw new IllegalArgumentException("part " + p + " has " + partSizes[p] + " examples");
            }
            end = Math.min(limit, end + partSizes[p]);
            partEnds[p] = end;
        }
        count = end;
        order = new int[count];
        int start = 0;
        for (int partEnd : partEnds) {
            for (int i = start; i < partEnd; i++) {
                order[i] = i;
            }
            rng.shuffle(order, start, partEnd - start);
            start = partEnd;
        }
    }

    /** Example indices in visiting order (live: valid until the next {@link #nextEpoch} or growth). */
    int[] indices() {
        return order;
    }

    /** Examples per epoch. */
    int count() {
        return count;
    }

    /**
     * The first {@code available} examples of the training set are now there. Examples beyond the plan
     * (the person's digits added during a run) join the current epoch in a random order after those not
     * yet visited, so nothing already visited repeats; they can only come once the planned ones are in.
     */
    void arrive(int available, Rng rng) {
        arrived = Math.max(arrived, available);
        if (available <= count) {
            return;
        }
        int added = available - count;
        int[] grown = new int[available];
        System.arraycopy(order, 0, grown, 0, count);
        for (int i = count; i < available; i++) {
            grown[i] = i;
        }
        rng.shuffle(grown, count, added);
        order = grown;
        count = available;
    }

    /**
     * How many positions of the current order have their examples there: the parts that have arrived
     * whole (the first epoch visits them in order), or every position once all are in.
     */
    int ready() {
        if (arrived >= count) {
            return count;
        }
        int ready = 0;
        for (int end : partEnds) {
            if (end <= arrived) {
                ready = end;
            }
        }
        return ready;
    }

    /** The next epoch's order: the whole set shuffled. Everything has arrived by the end of an epoch. */
    void nextEpoch(Rng rng) {
        rng.shuffle(order, 0, count);
    }
}
