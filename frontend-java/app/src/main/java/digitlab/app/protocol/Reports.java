package digitlab.app.protocol;

import digitlab.core.view.LayerOutline;
import org.teavm.jso.JSBody;

/** Starts the worker's {@link Report} messages; the sender then sets every field of the report's kind. */
public final class Reports {
    private Reports() {}

    /** An empty report of kind {@code type}, e.g. {@code Report.Progress p = Reports.create(Report.PROGRESS)}. */
    @JSBody(params = "reportType", script = "return { type: reportType };")
    public static native <T extends Report> T create(String reportType);

    /**
     * The layers' kinds and shapes of an inspection or drawing report (see {@link LayerOutline#of}): a
     * parse of a short text, cheap next to the picture it serves.
     */
    public static LayerOutline outline(Report.LayerActivations report) {
        return LayerOutline.of(report.getLayers(), report.getLayerShapes().copyToJavaArray());
    }

    public static Report error(String message) {
        Report.Failure report = create(Report.ERROR);
        report.setMessage(message);
        return report;
    }
}
