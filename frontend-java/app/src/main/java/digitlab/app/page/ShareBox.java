package digitlab.app.page;

import digitlab.app.browser.Clipboard;
import digitlab.app.browser.Dom;
import digitlab.app.browser.PageUrl;
import digitlab.app.views.QrCodeView;
import digitlab.core.share.Lesson;
import digitlab.core.share.LessonControl;
import digitlab.core.share.ShareLink;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * What Share hands out once the model is uploaded: the short link ({@code #share-link}), a Copy button
 * ({@code #copy-link}) that says the link was copied only when the browser did copy it, and its QR code. The
 * lesson options ({@code #lesson-options}: parts to hide, a note) join the link as they change.
 */
final class ShareBox {
    static final String COPIED = "Link copied to the clipboard.";

    private final StatusLine status;
    private final HTMLElement result;
    private final HTMLElement link;
    private final QrCodeView qr;
    private final List<HTMLInputElement> hide = new ArrayList<>();
    private final HTMLTextAreaElement note;
    private final HTMLElement noteCount;
    private String modelId;
    private String url;

    /** {@code lesson}: the lesson of the page's own address, so sharing again keeps it. */
    ShareBox(HTMLDocument document, StatusLine status, Lesson lesson) {
        this.status = status;
        result = document.getElementById("share-result");
        link = document.getElementById("share-link");
        qr = new QrCodeView(document);
        HTMLButtonElement copy = (HTMLButtonElement) document.getElementById("copy-link");
        copy.onClick(event -> copy());

        HTMLElement hideSet = document.getElementById("lesson-hide");
        for (LessonControl control : LessonControl.values()) {
            HTMLInputElement box = (HTMLInputElement) Dom.create("input", null);
            box.setType("checkbox");
            box.setAttribute("data-hide", control.id());
            box.setChecked(lesson.hides(control));
            box.addEventListener("change", event -> lessonChanged());
            HTMLElement label = Dom.create("label", null);
            label.appendChild(box);
            label.appendChild(document.createTextNode(control.label()));
            hideSet.appendChild(label);
            hide.add(box);
        }
        note = (HTMLTextAreaElement) document.getElementById("lesson-note-input");
        note.setMaxLength(Lesson.MAX_NOTE);
        note.setValue(lesson.note());
        note.addEventListener("input", event -> lessonChanged());
        noteCount = document.getElementById("lesson-note-count");
        if (!lesson.isEmpty()) {
            document.getElementById("lesson-options").setAttribute("open", "");
        }
        countNote();
    }

    /** Shows the link to the uploaded model {@code modelId}. */
    void show(String modelId) {
        this.modelId = modelId;
        showLink();
        result.setHidden(false);
    }

    private void lessonChanged() {
        countNote();
        if (modelId != null) {
            showLink();
        }
    }

    private void countNote() {
        noteCount.setTextContent(note.getValue().length() + " of " + Lesson.MAX_NOTE + " characters");
    }

    private Lesson lesson() {
        List<LessonControl> hidden = new ArrayList<>();
        for (HTMLInputElement box : hide) {
            if (box.isChecked()) {
                hidden.add(LessonControl.byId(box.getAttribute("data-hide")));
            }
        }
        String text = note.getValue();
        // maxlength keeps typing within the limit; a longer text set another way is cut, as a link's would be.
        return Lesson.of(hidden, text.length() > Lesson.MAX_NOTE ? text.substring(0, Lesson.MAX_NOTE) : text);
    }

    private void showLink() {
        String page = PageUrl.pageAddress();
        url = ShareLink.url(page, modelId, lesson());
        link.setAttribute("href", url);
        // Where the card is too narrow for the whole link, it breaks before the query, never inside the id; a
        // lesson's parameters after it wrap where they must.
        String model = "?" + ShareLink.query(modelId, Lesson.NONE);
        link.setTextContent(page);
        link.appendChild(Dom.create("wbr", null));
        link.appendChild(Dom.text("span", "share-query", model));
        link.appendChild(Dom.text("span", null, url.substring(page.length() + model.length())));
        link.setHidden(false);
        qr.show(url);
    }

    private void copy() {
        status.clearError();
        Clipboard.write(url, (copied, reason) -> {
            if (copied) {
                status.show("done", COPIED);
            } else {
                Clipboard.select(link);
                status.error("Copying failed (" + reason + "): the link is selected, copy it with Ctrl+C (⌘C on a"
                        + " Mac) or the context menu.");
            }
        });
    }
}
