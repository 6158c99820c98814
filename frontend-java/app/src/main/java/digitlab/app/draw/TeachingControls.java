package digitlab.app.draw;

import digitlab.app.browser.Dom;
import digitlab.core.data.Digits;
import digitlab.core.draw.PreparedDigit;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "Teach it your handwriting", beside the drawing pad: pick which digit you drew, add the drawing to your
 * own digits ({@link PersonalDigits}, kept in this browser), see how many you have and the newest ones,
 * export them, clear them (after a second click within {@link #CONFIRM_MS}).
 *
 * <p>Elements, by id: {@code draw-labels} (gets ten radio inputs named {@code draw-label}, values 0-9, in
 * {@code .label-choice} labels), {@code add-digit}, {@code my-digits-count} (with {@code data-count}),
 * {@code clear-my-digits} (class {@code attention} while it waits for the second click),
 * {@code export-my-digits}; optional: {@code my-digits} (the {@link PersonalThumbnails}).
 *
 * <p>Keys, when the pad has focus: a digit key picks that label, Enter adds the drawing.
 *
 * <p>It does not own the drawing: {@link DrawPanel} tells it about each change
 * ({@link #drawingChanged}), and it asks for the pad to be cleared after a digit was added.
 */
final class TeachingControls {
    /** How long "Clear my digits" waits for the second click. */
    static final int CONFIRM_MS = 4000;

    private final PersonalDigits personal = new PersonalDigits();
    private final Runnable clearDrawing;
    private final HTMLInputElement[] labelInputs = new HTMLInputElement[10];
    private final HTMLButtonElement addButton;
    private final HTMLButtonElement clearMineButton;
    private final HTMLButtonElement exportButton;
    private final HTMLElement countLine;
    /** Null when the page has no {@code #my-digits}. */
    private final PersonalThumbnails thumbnails;

    private PreparedDigit current;
    private Runnable personalListener;
    private int label = -1;
    private int confirmTimer;

    /**
     * The page's teaching controls, or null if it has none (no {@code #draw-labels}). Loads the user's
     * stored digits.
     *
     * @param keys the element whose key presses pick a label and add (the pad's canvas)
     * @param clearDrawing clears the pad (after a digit was added)
     */
    static TeachingControls find(HTMLDocument document, HTMLElement keys, Runnable clearDrawing) {
        HTMLElement labels = document.getElementById("draw-labels");
        return labels == null ? null : new TeachingControls(document, labels, keys, clearDrawing);
    }

    private TeachingControls(HTMLDocument document, HTMLElement labels, HTMLElement keys, Runnable clearDrawing) {
        this.clearDrawing = clearDrawing;
        addButton = (HTMLButtonElement) document.getElementById("add-digit");
        clearMineButton = (HTMLButtonElement) document.getElementById("clear-my-digits");
        exportButton = (HTMLButtonElement) document.getElementById("export-my-digits");
        countLine = document.getElementById("my-digits-count");
        HTMLCanvasElement thumbnailCanvas = (HTMLCanvasElement) document.getElementById("my-digits");
        thumbnails = thumbnailCanvas == null ? null : new PersonalThumbnails(thumbnailCanvas);

        keys.addEventListener("keydown", (EventListener<KeyboardEvent>) this::keyDown);
        buildLabels(labels);
        addButton.onClick(event -> addCurrent());
        clearMineButton.onClick(event -> clearMine());
        exportButton.onClick(event -> personal.export());
        showPersonal(personal.problem());
    }

    /** Called after the user's digits changed (added, cleared). */
    void setPersonalDigitsListener(Runnable listener) {
        this.personalListener = listener;
    }

    /** The user's digits, oldest first. */
    Digits digits() {
        return personal.digits();
    }

    /** The drawing changed: it is what "add" would add now. */
    void drawingChanged(PreparedDigit drawing) {
        current = drawing;
        updateButtons();
    }

    private void keyDown(KeyboardEvent event) {
        String key = event.getKey();
        if (event.isCtrlKey() || event.isMetaKey() || event.isAltKey()) {
            return;
        }
        if (key.length() == 1 && key.charAt(0) >= '0' && key.charAt(0) <= '9') {
            event.preventDefault();
            selectLabel(key.charAt(0) - '0');
        } else if ("Enter".equals(key)) {
            event.preventDefault();
            addCurrent();
        }
    }

    private void buildLabels(HTMLElement container) {
        for (int d = 0; d < 10; d++) {
            HTMLElement choice = Dom.create("label", "label-choice");
            HTMLInputElement input = (HTMLInputElement) Dom.create("input", null);
            input.setType("radio");
            input.setName("draw-label");
            input.setValue(String.valueOf(d));
            int digit = d;
            input.addEventListener("change", event -> {
                if (input.isChecked()) {
                    label = digit;
                    updateButtons();
                }
            });
            HTMLElement text = Dom.create("span", null);
            text.setTextContent(String.valueOf(d));
            choice.appendChild(input);
            choice.appendChild(text);
            container.appendChild(choice);
            labelInputs[d] = input;
        }
    }

    private void selectLabel(int digit) {
        label = digit;
        labelInputs[digit].setChecked(true);
        updateButtons();
    }

    private void addCurrent() {
        if (current == null || current.isEmpty()) {
            showPersonal("Draw a digit first.");
            return;
        }
        if (label < 0) {
            showPersonal("Pick which digit you drew first.");
            labelInputs[0].focus();
            return;
        }
        if (!personal.add(current.pixels(), label)) {
            showPersonal("You have " + personal.capacity() + " digits, the most this page keeps: export them, or"
                    + " clear them to add more.");
            return;
        }
        int added = label;
        clearDrawing.run(); // comes back through drawingChanged, before the message below
        showPersonal(
                personal.problem() != null
                        ? personal.problem()
                        : "Added your " + added + " (" + personal.countOf(added) + " of your " + added + "s).");
        if (personalListener != null) {
            personalListener.run();
        }
    }

    private void clearMine() {
        if (personal.count() == 0) {
            return;
        }
        if (confirmTimer == 0) {
            clearMineButton.setTextContent("Click again to clear " + personal.count() + " digits");
            clearMineButton.getClassList().add("attention");
            confirmTimer = Window.setTimeout(this::resetClearMine, CONFIRM_MS);
            return;
        }
        resetClearMine();
        personal.clear();
        showPersonal(personal.problem() != null ? personal.problem() : "Cleared your digits.");
        if (personalListener != null) {
            personalListener.run();
        }
    }

    private void resetClearMine() {
        if (confirmTimer != 0) {
            Window.clearTimeout(confirmTimer);
            confirmTimer = 0;
        }
        clearMineButton.setTextContent("Clear my digits");
        clearMineButton.getClassList().remove("attention");
    }

    /** Updates the count line (with an optional message first), the thumbnails and the buttons. */
    private void showPersonal(String message) {
        int count = personal.count();
        String summary =
                count == 0 ? "None of your digits yet." : count == 1 ? "1 of your digits." : count + " of your digits.";
        countLine.setTextContent(message == null ? summary : message + " " + summary);
        countLine.setAttribute("data-count", String.valueOf(count));
        if (thumbnails != null) {
            thumbnails.show(personal);
        }
        updateButtons();
    }

    private void updateButtons() {
        addButton.setDisabled(current == null || current.isEmpty() || personal.isFull());
        addButton.setTextContent(label < 0 ? "Add to my digits" : "Add as " + label);
        exportButton.setDisabled(personal.count() == 0);
        clearMineButton.setDisabled(personal.count() == 0);
    }
}
