package digitlab.app.page;

import digitlab.app.browser.Clock;
import digitlab.app.browser.Screen;
import digitlab.app.data.ShardLoader;
import digitlab.core.data.Digits;
import digitlab.core.view.DigitGrid;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * The page's entry point (compiled twice by TeaVM: to JavaScript and to Wasm GC; web/js/boot.js picks one
 * and records it as {@code <html data-target>}). It starts the training screen, whose worker loads the
 * data and trains, then shows a grid of training samples and loads the test images for the views.
 */
public final class PageMain {
    private static final int SAMPLES = 100;
    /** On a phone: fewer, larger samples, so their labels can be read. */
    private static final int SAMPLES_ON_NARROW = 40;

    private static final int COLUMNS_ON_NARROW = 5;

    private PageMain() {}

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        CollapsiblePanels.install(document);
        StatusLine status = new StatusLine(document.getElementById("status"));
        status.show("loading", "Loading MNIST…");
        String target = document.getDocumentElement().getAttribute("data-target");
        TrainingPage training = new TrainingPage(document, status, target);
        try {
            ShardLoader data = ShardLoader.open(ShardLoader.FROM_PAGE);
            training.setSamples(showSamples(document, data));
            training.setTestImages(data.testSet());
        } catch (RuntimeException e) {
            status.error("Could not load the images: " + e.getMessage());
            throw e;
        }
    }

    /** Samples from the first training shard, which is also the start of the worker's training set. */
    private static SampleGridView showSamples(HTMLDocument document, ShardLoader data) {
        Digits first = data.trainShard(0);
        HTMLCanvasElement gridCanvas = (HTMLCanvasElement) document.getElementById("sample-grid");
        boolean narrow = Screen.narrow();
        SampleGridView view = new SampleGridView(gridCanvas, narrow ? COLUMNS_ON_NARROW : SampleGridView.COLUMNS);
        view.show(first, DigitGrid.evenlySpaced(narrow ? SAMPLES_ON_NARROW : SAMPLES, first.count()));
        gridCanvas.setAttribute("data-drawn-ms", String.valueOf(Math.round(Clock.nowMillis())));
        return view;
    }
}
