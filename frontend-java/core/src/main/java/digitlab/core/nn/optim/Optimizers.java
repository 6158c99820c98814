package digitlab.core.nn.optim;

import digitlab.core.run.TrainingConfig;

/** Builds the update rule a run's configuration names, so every worker of a run uses the same one. */
public final class Optimizers {
    private Optimizers() {}

    /**
     * The mini-batch or gradient-descent optimiser for {@code config}, with state for {@code parameterCount}
     * parameters; null for L-BFGS, which is not an {@link Optimizer} (it runs its own line search).
     */
    public static Optimizer forConfig(TrainingConfig config, int parameterCount) {
        switch (config.optimizer()) {
            case MOMENTUM:
                return new Sgd(parameterCount, config.momentum(), false);
            case NESTEROV:
                return new Sgd(parameterCount, config.momentum(), true);
            case ADAM:
                return new Adam(parameterCount);
            case LBFGS:
                return null;
            default: // SGD, GD
                return new Sgd();
        }
    }

    /**
     * Floats of memory ({@link Optimizer#state()}) of the optimiser {@link #forConfig} builds, for sizing
     * the memory workers share (builds one once: the rule alone knows its layout).
     */
    public static int stateLength(TrainingConfig config, int parameterCount) {
        Optimizer optimizer = forConfig(config, parameterCount);
        return optimizer == null ? 0 : optimizer.state().length;
    }
}
