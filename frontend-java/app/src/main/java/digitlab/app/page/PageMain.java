package digitlab.app.page;

import digitlab.app.browser.Clock;
import digitlab.app.data.ShardLoader;
import digitlab.core.data.Digits;
import digitlab.core.view.DigitGrid;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's entry point (compiled twice by TeaVM: to JavaScript and to Wasm GC; web/js/boot.js picks one).
 * It loads the data manifest and the first training shard and shows a grid of samples.
 */
public final class PageMain {
    private static final int SAMPLES = 100;

    private PageMain() {
    }

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        StatusLine status = new StatusLine(document.getElementById("status"));
        try {
            status.show("loading", "Loading MNIST…");
            ShardLoader data = ShardLoader.open();
            Digits first = data.trainShard(0);
            HTMLCanvasElement gridCanvas = (HTMLCanvasElement) document.getElementById("sample-grid");
            new SampleGridView(gridCanvas).show(first, DigitGrid.evenlySpaced(SAMPLES, first.count()));
            gridCanvas.setAttribute("data-drawn-ms", String.valueOf(Math.round(Clock.nowMillis())));
            status.show("ready", "Ready: " + data.trainShards() + " training and " + data.testShards()
                    + " test shards available; showing " + SAMPLES + " samples of the first.");
        } catch (RuntimeException e) {
            status.show("error", "Could not load the data: " + e.getMessage());
            throw e;
        }
    }

    /** The {@code #status} line: a short sentence plus a machine-readable {@code data-state}. */
    private static final class StatusLine {
        private final HTMLElement element;

        StatusLine(HTMLElement element) {
            this.element = element;
        }

        void show(String state, String text) {
            element.setAttribute("data-state", state);
            element.setTextContent(text);
        }
    }
}
