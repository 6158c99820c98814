package digitlab.app.protocol;

import digitlab.core.session.RunPhase;
import digitlab.core.train.Divergence;
import digitlab.core.train.TrainingStatus;

/**
 * How the core's enums travel between worker and page: by name. The worker writes them with
 * {@link #name}, the page reads them back with the typed readers here, so no code compares a message's
 * text with a literal and a renamed constant cannot go out of step on the two sides.
 */
public final class EnumWire {
    private EnumWire() {}

    /** {@code value}'s name, or null for null. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static RunPhase phase(Report.Progress progress) {
        return value(RunPhase.values(), progress.getPhase());
    }

    /** Null before there is a network. */
    public static TrainingStatus status(Report.Progress progress) {
        return value(TrainingStatus.values(), progress.getStatus());
    }

    /** Null unless the run diverged. */
    public static Divergence divergence(Report.Progress progress) {
        return value(Divergence.values(), progress.getDivergence());
    }

    /** The constant of {@code values} named {@code name}; null for null. */
    private static <E extends Enum<E>> E value(E[] values, String name) {
        if (name == null) {
            return null;
        }
        for (E value : values) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value '" + name + "'");
    }
}
