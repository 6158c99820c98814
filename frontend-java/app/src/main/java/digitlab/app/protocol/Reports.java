package digitlab.app.protocol;

import org.teavm.jso.JSBody;

/** Starts the worker's {@link Report} messages; the sender then sets every field of the report's kind. */
public final class Reports {
    private Reports() {}

    /** An empty report of kind {@code type}, e.g. {@code Report.Progress p = Reports.create(Report.PROGRESS)}. */
    @JSBody(params = "reportType", script = "return { type: reportType };")
    public static native <T extends Report> T create(String reportType);

    public static Report error(String message) {
        Report.Failure report = create(Report.ERROR);
        report.setMessage(message);
        return report;
    }
}
