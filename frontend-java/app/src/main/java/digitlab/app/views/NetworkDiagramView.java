package digitlab.app.views;

import digitlab.app.browser.CanvasPicture;
import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.app.browser.Theme;
import digitlab.core.nn.Scores;
import digitlab.core.view.DiagramLayout;
import digitlab.core.view.DiagramNodes;
import digitlab.core.view.DiagramPicture;
import digitlab.core.view.DiagramText;
import digitlab.core.view.IncomingPicture;
import digitlab.core.view.LayerOutline;
import digitlab.core.view.Palette;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The network diagram ({@code #diagram}): every layer a column of nodes coloured by their values for the
 * test image shown in "Inside the network", or for the digit on the drawing pad while there is one
 * ({@link DiagramLayout}, {@link DiagramPicture}). A click, a tap or the arrow keys select a node; beside the
 * diagram its name and value ({@code #diagram-selection}, read out politely) and its incoming weights as a
 * picture ({@link IncomingPicture}); in the diagram its strongest edges in and out. Until a node is chosen
 * the predicted output is selected. The weights come from the worker for the selected node only
 * ({@link Requester}), asked again whenever the weights views get new weights.
 *
 * <p>Test hooks: {@code #network-diagram} carries {@code data-layers}, {@code data-source} ("test" or
 * "drawing"), {@code data-selected} ("layer:node"), {@code data-checksum} (of the node colours) and
 * {@code data-columns} (each column's box in CSS pixels: "left,top,width,height;...");
 * {@code #diagram-weights} carries {@code data-checksum} and {@code data-kind} ("weights" or "none").
 */
public final class NetworkDiagramView {
    /** Asks the worker for the weights around a node. */
    public interface Requester {
        void nodeWeights(int layer, int node);
    }

    /** Least CSS pixels of height; the diagram is {@link #ASPECT} of its width tall up to {@link #MAX_HEIGHT}. */
    private static final int MIN_HEIGHT = 240;

    private static final int MAX_HEIGHT = 460;
    private static final double ASPECT = 0.42;
    /** About how many CSS pixels wide the incoming-weights picture is painted. */
    private static final int WEIGHTS_WIDTH = 140;

    private static final String FONT = "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    private final HTMLCanvasElement canvas;
    private final CanvasPicture picture;
    private final HTMLElement selection;
    private final HTMLCanvasElement weightsCanvas;
    private final CanvasPicture weightsPicture;
    private final HTMLElement weightsCaption;
    private final HTMLElement source;
    private final Requester requester;
    private final String captionColour = Theme.color(Theme.MUTED);

    private LayerOutline outline;
    private DiagramNodes nodes;
    private DiagramPicture painter;
    private byte[] rgba;
    private double cssWidth;

    private float[] testValues;
    private String testName = "";
    private LayerOutline testOutline;
    private float[] drawingValues;
    private LayerOutline drawingOutline;
    private boolean showingDrawing;

    private DiagramLayout.Pick selected;
    private boolean chosen;
    private float[] incoming;
    private float[] outgoing;
    private float[] incomingRaw;
    private IncomingPicture incomingPicture;
    private int incomingLayer = -1;
    private byte[] incomingRgba;
    private String spoken = "";
    /** The node {@link #spoken} is about. */
    private DiagramLayout.Pick spokenNode;

    public NetworkDiagramView(HTMLDocument document, Requester requester) {
        this.requester = requester;
        canvas = (HTMLCanvasElement) document.getElementById("network-diagram");
        picture = new CanvasPicture(canvas);
        selection = document.getElementById("diagram-selection");
        weightsCanvas = (HTMLCanvasElement) document.getElementById("diagram-weights");
        weightsPicture = new CanvasPicture(weightsCanvas);
        weightsCaption = document.getElementById("diagram-weights-caption");
        source = document.getElementById("diagram-source");
        canvas.setAttribute("data-checksum", "0");
        canvas.setAttribute("data-selected", "");
        canvas.onClick(event -> {
            if (painter == null) {
                return;
            }
            double toCanvas = canvas.getWidth() / Math.max(1, Dom.renderedWidth(canvas));
            DiagramLayout.Pick pick = painter.layout()
                    .nodeAt(Dom.pointerX(event, canvas) * toCanvas, Dom.pointerY(event, canvas) * toCanvas);
            if (pick != null) {
                Dom.focusWithoutScroll(canvas);
                select(pick);
            }
        });
        canvas.onKeyDown(this::onKey);
        Dom.onResize(canvas, (width, height) -> {
            if (Math.abs(width - cssWidth) >= 1) {
                cssWidth = width;
                painter = null; // lay out again at the new width
                paint();
            }
        });
    }

    /** Every layer's values (the input first) for test image {@code image}. */
    public void showTestImage(LayerOutline outline, float[] activations, int image, int label) {
        testOutline = outline;
        testValues = activations;
        testName = "test image " + image + " (a " + label + ")";
        if (!showingDrawing) {
            show(outline);
        }
    }

    /** Every layer's values (the input first) for the digit on the drawing pad: shown while it is there. */
    public void showDrawing(LayerOutline outline, float[] activations) {
        drawingOutline = outline;
        drawingValues = activations;
        showingDrawing = true;
        show(outline);
    }

    /** The pad was cleared: back to the test image. */
    public void drawingCleared() {
        showingDrawing = false;
        drawingValues = null;
        if (testOutline != null) {
            show(testOutline);
        }
    }

    /** The network's weights changed: asks again about the selected node. */
    public void refresh() {
        if (selected != null) {
            requester.nodeWeights(selected.layer(), selected.node());
        }
    }

    /**
     * The worker's answer about a node; ignored if it is about another network or no longer selected.
     *
     * @param incomingWeights the node's own incoming weights (empty for the input and a pool)
     * @param outgoingWeights one weight to each node of the next layer (empty if none)
     */
    public void showNodeWeights(String layers, int layer, int node, float[] incomingWeights, float[] outgoingWeights) {
        if (outline == null
                || !outline.layers().equals(layers)
                || !new DiagramLayout.Pick(layer, node).equals(selected)) {
            return;
        }
        incomingRaw = incomingWeights.length == 0 ? null : incomingWeights;
        incoming = layer == 0 ? null : nodes.incomingByNode(layer, node, incomingWeights);
        boolean next = layer + 1 < nodes.layerCount() && outgoingWeights.length == nodes.nodes(layer + 1);
        outgoing = next ? outgoingWeights : null;
        paint();
        paintIncoming();
    }

    private void show(LayerOutline next) {
        if (outline == null || !outline.layers().equals(next.layers())) {
            outline = next;
            nodes = new DiagramNodes(next);
            painter = null;
            selected = null;
            chosen = false;
            incoming = null;
            outgoing = null;
            incomingRaw = null;
            incomingLayer = -1;
            canvas.setAttribute("data-layers", next.layers());
        }
        canvas.setAttribute("data-source", showingDrawing ? "drawing" : "test");
        source.setTextContent(showingDrawing ? "Showing your drawing." : "Showing " + testName + ".");
        if (!chosen) {
            int last = nodes.layerCount() - 1;
            float[] values = values();
            int offset = values.length - nodes.nodes(last);
            int predicted =
                    nodes.look(last) == DiagramNodes.Look.DOTS ? Scores.argmax(values, offset, nodes.nodes(last)) : 0;
            DiagramLayout.Pick output = new DiagramLayout.Pick(last, predicted);
            if (!output.equals(selected)) {
                selected = output;
                requester.nodeWeights(last, predicted);
                incoming = null;
                outgoing = null;
                incomingRaw = null;
                paintIncoming();
            }
        }
        paint();
    }

    private float[] values() {
        return showingDrawing ? drawingValues : testValues;
    }

    private void select(DiagramLayout.Pick pick) {
        chosen = true;
        if (pick.equals(selected)) {
            return;
        }
        selected = pick;
        incoming = null;
        outgoing = null;
        incomingRaw = null;
        requester.nodeWeights(pick.layer(), pick.node());
        paint();
        paintIncoming();
    }

    private void onKey(KeyboardEvent event) {
        if (painter == null || selected == null) {
            return;
        }
        int dx = 0;
        int dy = 0;
        switch (event.getKey()) {
            case "ArrowLeft" -> dx = -1;
            case "ArrowRight" -> dx = 1;
            case "ArrowUp" -> dy = -1;
            case "ArrowDown" -> dy = 1;
            default -> {
                return;
            }
        }
        event.preventDefault();
        select(painter.layout().move(selected, dx, dy));
    }

    private void paint() {
        if (nodes == null) {
            return;
        }
        if (painter == null) {
            double width = cssWidth >= 40 ? cssWidth : Dom.renderedWidth(canvas);
            if (width < 40) {
                return;
            }
            cssWidth = width;
            double unit = Math.max(1, Math.min(2, Dom.devicePixelRatio()));
            double cssHeight = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, width * ASPECT));
            Dom.style(canvas, "height", Math.round(cssHeight) + "px");
            painter = new DiagramPicture(
                    new DiagramLayout(nodes, (int) Math.round(width * unit), (int) Math.round(cssHeight * unit), unit));
            rgba = painter.newBuffer();
            canvas.setAttribute("data-columns", columnsText(painter.layout()));
        }
        float[] values = values();
        if (values != null && values.length != painter.values()) {
            return; // values of another network on the way out
        }
        int checksum = painter.paint(values, selected, incoming, outgoing, rgba);
        DiagramLayout layout = painter.layout();
        picture.put(rgba, layout.width(), layout.height());
        labels(layout);
        canvas.setAttribute("data-checksum", Integer.toHexString(checksum));
        canvas.setAttribute("data-selected", selected == null ? "" : selected.layer() + ":" + selected.node());
        canvas.setAttribute(
                "aria-label",
                "Network diagram of " + outline.layers() + ": a column of units per layer, coloured by their values."
                        + " Arrow keys select a unit.");
        if (selected != null) {
            speak(DiagramText.name(nodes, selected) + ": "
                    + DiagramText.value(nodes, selected, values, painter.offset(selected.layer())));
        }
    }

    /** Each column's box in CSS pixels, "left,top,width,height" separated by ";" (for tests and tools). */
    private static String columnsText(DiagramLayout layout) {
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < layout.layerCount(); l++) {
            DiagramLayout.Column c = layout.column(l);
            double u = layout.unit();
            text.append(l == 0 ? "" : ";")
                    .append(Math.round(c.left() / u))
                    .append(',')
                    .append(Math.round(c.top() / u))
                    .append(',')
                    .append(Math.round(c.width() / u))
                    .append(',')
                    .append(Math.round(c.contentHeight() / u));
        }
        return text.toString();
    }

    /** The columns' captions above them and the digits beside the outputs. */
    private void labels(DiagramLayout layout) {
        CanvasRenderingContext2D context = Canvases.context2d(canvas);
        context.setFont(layout.px(12) + FONT);
        context.setTextBaseline("middle");
        context.setTextAlign("center");
        context.setFillStyle(captionColour);
        int count = layout.layerCount();
        for (int l = 0; l < count; l++) {
            DiagramLayout.Column c = layout.column(l);
            int width = l == count - 1 ? c.width() - layout.px(16) : c.width();
            context.fillText(nodes.token(l), c.left() + width / 2.0, layout.px(DiagramLayout.CAPTION_BAND / 2.0));
        }
        DiagramLayout.Column output = layout.column(count - 1);
        if (nodes.look(count - 1) == DiagramNodes.Look.DOTS && output.subColumns() == 1 && output.nodes() <= 10) {
            context.setTextAlign("left");
            context.setFillStyle(Palette.css(Palette.TEXT));
            context.setFont(layout.px(Math.min(13, Math.max(9, output.pitchY() / layout.unit() * 0.6))) + FONT);
            for (int n = 0; n < output.nodes(); n++) {
                context.fillText(
                        String.valueOf(n), output.nodeX(n) + output.nodeWidth() + layout.px(4), output.centreY(n));
            }
        }
    }

    /**
     * The selection line. Screen readers hear it when the selection changes; while training changes only the
     * value, the region is quiet (it would otherwise speak several times a second).
     */
    private void speak(String text) {
        if (text.equals(spoken)) {
            return;
        }
        boolean sameNode = spokenNode != null && spokenNode.equals(selected);
        selection.setAttribute("aria-live", sameNode ? "off" : "polite");
        selection.setTextContent(text);
        spoken = text;
        spokenNode = selected;
    }

    private void paintIncoming() {
        if (selected == null) {
            return;
        }
        int l = selected.layer();
        if (!nodes.hasWeights(l)) {
            weightsCanvas.setHidden(true);
            weightsCanvas.setAttribute("data-kind", "none");
            weightsCaption.setTextContent(DiagramText.noWeights(nodes, l));
            return;
        }
        if (incomingPicture == null || incomingLayer != l) {
            incomingPicture = new IncomingPicture(nodes, l, WEIGHTS_WIDTH);
            incomingRgba = incomingPicture.newBuffer();
            incomingLayer = l;
        }
        weightsCaption.setTextContent("Incoming weights: " + incomingPicture.description()
                + ". Orange raises the unit's input, blue lowers it.");
        if (incomingRaw == null) {
            weightsCanvas.setHidden(true); // not another node's picture while the worker's answer is on its way
            weightsCanvas.setAttribute("data-kind", "waiting");
            return;
        }
        int checksum = incomingPicture.paint(incomingRaw, incomingRgba);
        weightsPicture.put(incomingRgba, incomingPicture.width(), incomingPicture.height());
        weightsCanvas.setHidden(false);
        weightsCanvas.setAttribute("data-kind", "weights");
        weightsCanvas.setAttribute("data-checksum", Integer.toHexString(checksum));
        weightsCanvas.setAttribute(
                "aria-label",
                "Incoming weights of " + DiagramText.name(nodes, selected) + ": " + incomingPicture.description());
    }
}
