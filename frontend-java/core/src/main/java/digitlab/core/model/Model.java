package digitlab.core.model;

import digitlab.core.data.InputFrame;
import digitlab.core.data.Mnist;
import digitlab.core.nn.Architecture;
import digitlab.core.run.TrainingConfig;

/**
 * A trained network as a value: its {@link Architecture}, its parameters (layout described there), optional
 * {@link TrainingMetadata} and the optional {@link TrainingConfig} of the run that trained it. Saved and
 * loaded with {@link #toBytes()} / {@link #fromBytes} (format: {@link ModelFormat}). Immutable: the
 * parameters are copied in and out.
 */
public final class Model {
    private final Architecture architecture;
    private final float[] parameters;
    private final TrainingMetadata metadata;
    private final TrainingConfig config;
    private final String settingsIssue;

    /**
     * @param metadata may be null
     * @param config the run that trained it, or null; it must describe {@code architecture}
     * @throws IllegalArgumentException if the parameter count does not fit the architecture, a parameter is
     *         NaN or infinite, or the config describes another network
     */
    public Model(Architecture architecture, float[] parameters, TrainingMetadata metadata, TrainingConfig config) {
        this(architecture, parameters, metadata, config, null);
    }

    /** A decoded model; {@code settingsIssue} as in {@link #settingsIssue()}. */
    Model(
            Architecture architecture,
            float[] parameters,
            TrainingMetadata metadata,
            TrainingConfig config,
            String settingsIssue) {
        if (parameters.length != architecture.parameterCount()) {
            throw new IllegalArgumentException(
                    architecture + " has " + architecture.parameterCount() + " parameters, got " + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (Float.isNaN(parameters[k]) || Float.isInfinite(parameters[k])) {
                throw new IllegalArgumentException("parameter " + k + " is " + parameters[k]);
            }
        }
        if (config != null && !config.architecture().equals(architecture)) {
            throw new IllegalArgumentException(
                    "the run settings describe " + config.architecture() + " but the weights are " + architecture);
        }
        this.architecture = architecture;
        this.parameters = parameters.clone();
        this.metadata = metadata;
        this.config = config;
        this.settingsIssue = settingsIssue;
    }

    public Architecture architecture() {
        return architecture;
    }

    /**
     * Why this model cannot classify MNIST digits here (its input is none of the {@link InputFrame}s, or its
     * output is not the 10 digits), as a sentence; null if it can. A valid file of another shape is still no use to
     * this app: the server refuses to store one and the page refuses to load one.
     */
    public String mnistMismatch() {
        String input = InputFrame.mismatch(architecture);
        if (input != null) {
            return input;
        }
        if (architecture.outputSize() != Mnist.CLASSES) {
            return "it has " + architecture.outputSize() + " outputs, but there are " + Mnist.CLASSES + " digits";
        }
        return null;
    }

    /** A copy of the parameters. */
    public float[] parameters() {
        return parameters.clone();
    }

    /** Training metadata, or null if none was recorded. */
    public TrainingMetadata metadata() {
        return metadata;
    }

    /**
     * The settings of the run that trained this model, so that it can be trained again; null if the file
     * recorded none (version 1 files) or this version could not read them (see {@link #settingsIssue()}).
     */
    public TrainingConfig config() {
        return config;
    }

    /**
     * What of the file's run settings this version could not use, and why (e.g. settings of a newer
     * version); null when it used them all or there were none.
     */
    public String settingsIssue() {
        return settingsIssue;
    }

    /** The model in the binary format of {@link ModelFormat}. */
    public byte[] toBytes() {
        return ModelFormat.encode(this);
    }

    /**
     * Decodes and validates a model file.
     *
     * @throws ModelFormatException if the bytes are not a complete, valid model (never a partial model)
     */
    public static Model fromBytes(byte[] bytes) {
        return ModelFormat.decode(bytes);
    }

    /** The same parameters without copying, for the encoder. */
    float[] parametersView() {
        return parameters;
    }
}
