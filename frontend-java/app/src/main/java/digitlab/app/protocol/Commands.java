package digitlab.app.protocol;

import org.teavm.jso.JSBody;

/** Builds the page's {@link Command} messages. */
public final class Commands {
    private Commands() {
    }

    public static Command configure(String query) {
        return create(Command.CONFIGURE, query, 0, 0);
    }

    public static Command of(String type) {
        return create(type, null, 0, 0);
    }

    public static Command setLearningRate(double rate) {
        return create(Command.SET_LEARNING_RATE, null, rate, 0);
    }

    public static Command inspect(int index) {
        return create(Command.INSPECT, null, 0, index);
    }

    @JSBody(params = {"commandType", "commandQuery", "commandValue", "commandIndex"},
            script = "return { type: commandType, query: commandQuery, value: commandValue, index: commandIndex };")
    private static native Command create(String commandType, String commandQuery, double commandValue, int commandIndex);
}
