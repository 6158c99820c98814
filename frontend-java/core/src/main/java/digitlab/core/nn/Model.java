package digitlab.core.nn;

/**
 * A trained network as a value: its {@link Architecture}, its parameters (layout described there) and
 * optional {@link TrainingMetadata}. Saved and loaded with {@link #toBytes()} / {@link #fromBytes}
 * (format: {@link ModelFormat}). Immutable: the parameters are copied in and out.
 */
public final class Model {
    private final Architecture architecture;
    private final float[] parameters;
    private final TrainingMetadata metadata;

    /**
     * @param metadata may be null
     * @throws IllegalArgumentException if the parameter count does not fit the architecture or a
     *         parameter is NaN or infinite
     */
    public Model(Architecture architecture, float[] parameters, TrainingMetadata metadata) {
        if (parameters.length != architecture.parameterCount()) {
            throw new IllegalArgumentException(architecture + " has " + architecture.parameterCount()
                    + " parameters, got " + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (Float.isNaN(parameters[k]) || Float.isInfinite(parameters[k])) {
                throw new IllegalArgumentException("parameter " + k + " is " + parameters[k]);
            }
        }
        this.architecture = architecture;
        this.parameters = parameters.clone();
        this.metadata = metadata;
    }

    public Architecture architecture() {
        return architecture;
    }

    /** A copy of the parameters. */
    public float[] parameters() {
        return parameters.clone();
    }

    /** Training metadata, or null if none was recorded. */
    public TrainingMetadata metadata() {
        return metadata;
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
