package digitlab.app.views;

import digitlab.core.view.Series;
import org.teavm.jso.dom.html.HTMLElement;

/** One line of a {@link LineChartView}: its series, colour, legend key and whether it is shown. */
final class ChartLine {
    final String label;
    final String colour;
    final Series series;
    /** An earlier run's line, drawn grey and dashed. */
    final boolean overlay;
    /** Which overlay this is (0 for the first), choosing its dash pattern. */
    final int overlayNumber;

    final HTMLElement key;
    boolean hidden;

    ChartLine(String label, String colour, Series series, boolean overlay, int overlayNumber, HTMLElement key) {
        this.label = label;
        this.colour = colour;
        this.series = series;
        this.overlay = overlay;
        this.overlayNumber = overlayNumber;
        this.key = key;
    }
}
