package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.core.data.Digits;
import digitlab.core.nn.Scores;
import digitlab.core.view.DigitGrid;
import digitlab.core.view.Format;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A grid of misclassified test images, each captioned "true → predicted (p=0.87)". Optionally filtered to
 * one confusion (e.g. the cell chosen in {@link ConfusionView}); choosing an image calls the
 * {@link ImageListener} (e.g. to inspect its activations).
 *
 * <p>Structure built inside the given container; the items are a pool of {@code capacity} built lazily and
 * reused (hidden when unused), each image painted into a reused pixel buffer:
 * <pre>
 * &lt;p class="mistakes-summary" aria-live="polite"&gt;Showing 24 of 288 mistakes.&lt;/p&gt;
 * &lt;ul class="mistakes" data-shown="24" data-filter="4,9"&gt;
 *   &lt;li class="mistake" data-index="1234"&gt;&lt;button type="button" class="mistake-button" aria-label="…"&gt;
 *     &lt;canvas class="pixelated mistake-image"&gt;&lt;/canvas&gt;
 *     &lt;span class="mistake-caption"&gt;4 → 9 &lt;span class="mistake-p"&gt;(p=0.87)&lt;/span&gt;&lt;/span&gt;
 * </pre>
 */
public final class MistakesView {
    /** Receives the test-set index of the image the user chose. */
    public interface ImageListener {
        void imageChosen(int index);
    }

    private static final int SCALE = 2;

    private final HTMLElement summary;
    private final HTMLElement list;
    private final HTMLElement showMore;
    private final int capacity;
    /** Images shown at first, and added by each "Show more". */
    private int page;
    /** Images shown now, at most: a page more with every "Show more", back to a page for a new filter. */
    private int limit;

    private final HTMLElement[] items;
    private final HTMLCanvasElement[] images;
    private final HTMLElement[] captions;
    private final HTMLElement[] buttons;
    private final int[] shownIndices;
    private ImageListener listener;
    private DigitGrid grid;
    private byte[] rgba;
    private int built;

    private Digits digits;
    private int[] indices;
    private float[] outputs;
    private int classes;
    private int filterTrue = -1;
    private int filterPredicted = -1;

    /**
     * @param container an empty element to build the view in
     * @param capacity most images shown at once, e.g. 24
     */
    public MistakesView(HTMLElement container, int capacity) {
        this.capacity = capacity;
        items = new HTMLElement[capacity];
        images = new HTMLCanvasElement[capacity];
        captions = new HTMLElement[capacity];
        buttons = new HTMLElement[capacity];
        shownIndices = new int[capacity];
        summary = Dom.text("p", "mistakes-summary", "No evaluation yet.");
        summary.setAttribute("aria-live", "polite");
        list = Dom.create("ul", "mistakes");
        list.setAttribute("data-shown", "0");
        list.setAttribute("data-filter", "");
        showMore = Dom.text("button", "mistakes-more", "Show more");
        showMore.setAttribute("type", "button");
        showMore.setHidden(true);
        showMore.addEventListener("click", event -> {
            limit = Math.min(capacity, limit + page);
            render();
        });
        container.appendChild(summary);
        container.appendChild(list);
        container.appendChild(showMore);
        page = capacity;
        limit = capacity;
    }

    /** Shows {@code size} images at first and a "Show more" button for the next ones (e.g. on a phone). */
    public void setPageSize(int size) {
        page = Math.max(1, Math.min(capacity, size));
        limit = page;
    }

    /** Called when the user chooses an image; null for none. */
    public void setListener(ImageListener listener) {
        this.listener = listener;
    }

    /**
     * Shows misclassified images (filtered as set by {@link #filter}).
     *
     * @param digits the test set
     * @param indices test-set indices of the mistakes
     * @param outputs the network's outputs for mistake {@code i} at {@code outputs[i * classes ..]}
     * @param classes outputs per image, 10
     */
    public void show(Digits digits, int[] indices, float[] outputs, int classes) {
        if (outputs.length < indices.length * classes) {
            throw new IllegalArgumentException("need " + indices.length * classes + " outputs for " + indices.length
                    + " mistakes, have " + outputs.length);
        }
        this.digits = digits;
        this.indices = indices;
        this.outputs = outputs;
        this.classes = classes;
        render();
    }

    /** Shows only images of {@code trueClass} taken for {@code predicted}; -1 for either means any. */
    public void filter(int trueClass, int predicted) {
        filterTrue = trueClass;
        filterPredicted = predicted;
        limit = page;
        list.setAttribute("data-filter", trueClass < 0 && predicted < 0 ? "" : trueClass + "," + predicted);
        if (digits != null) {
            render();
        }
    }

    private void render() {
        if (grid == null || grid.width() != digits.cols() * SCALE) {
            grid = new DigitGrid(1, 1, digits.rows(), SCALE, 0);
            rgba = grid.newBuffer();
        }
        int shown = 0;
        int matching = 0;
        for (int m = 0; m < indices.length; m++) {
            int index = indices[m];
            int trueClass = digits.label(index);
            int predicted = Scores.argmax(outputs, m * classes, classes);
            if ((filterTrue >= 0 && trueClass != filterTrue)
                    || (filterPredicted >= 0 && predicted != filterPredicted)) {
                continue;
            }
            matching++;
            if (shown < limit) {
                fill(shown++, index, trueClass, predicted, outputs[m * classes + predicted]);
            }
        }
        for (int i = shown; i < built; i++) {
            items[i].setHidden(true);
        }
        list.setAttribute("data-shown", String.valueOf(shown));
        showMore.setHidden(shown >= Math.min(matching, capacity));
        String which = filterTrue >= 0 || filterPredicted >= 0
                ? " (" + (filterTrue >= 0 ? "true " + filterTrue : "any digit") + " taken for "
                        + (filterPredicted >= 0 ? String.valueOf(filterPredicted) : "anything else") + ")"
                : "";
        summary.setTextContent(
                matching == 0
                        ? "No mistakes" + which + "."
                        : "Showing " + shown + " of " + matching + " mistakes" + which + ".");
    }

    private void fill(int slot, int index, int trueClass, int predicted, double probability) {
        if (slot == built) {
            build(slot);
        }
        shownIndices[slot] = index;
        grid.paint(digits, new int[] {index}, rgba);
        Canvases.putRgba(images[slot], rgba, grid.width(), grid.height());
        String p = Format.probability(probability);
        String pair = trueClass + " \u2192 " + predicted;
        captions[slot].setTextContent(pair + " ");
        captions[slot].appendChild(Dom.text("span", "mistake-p", "(p=" + p + ")"));
        // The name starts with the caption as shown, so speech input ("click 4 → 9") finds the button.
        buttons[slot].setAttribute(
                "aria-label",
                pair + " (p=" + p + "): test image " + index + ", a " + trueClass + " the network took for a "
                        + predicted);
        items[slot].setAttribute("data-index", String.valueOf(index));
        items[slot].setHidden(false);
    }

    private void build(int slot) {
        HTMLElement item = Dom.create("li", "mistake");
        HTMLElement button = Dom.create("button", "mistake-button");
        button.setAttribute("type", "button");
        HTMLCanvasElement image = (HTMLCanvasElement) Dom.create("canvas", "pixelated mistake-image");
        image.setAttribute("aria-hidden", "true");
        HTMLElement caption = Dom.create("span", "mistake-caption");
        button.appendChild(image);
        button.appendChild(caption);
        item.appendChild(button);
        list.appendChild(item);
        button.onClick(event -> {
            if (listener != null) {
                listener.imageChosen(shownIndices[slot]);
            }
        });
        items[slot] = item;
        images[slot] = image;
        captions[slot] = caption;
        buttons[slot] = button;
        built++;
    }
}
