package digitlab.app.page;

import digitlab.core.share.Lesson;
import digitlab.core.share.LessonControl;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * What a lesson link changes for the class: the teacher's note in the banner at the top ({@code #lesson-note},
 * set as text, so {@code <b>} shows as typed) and the parts of the page it hides (class {@code lesson-hidden}).
 */
final class LessonView {
    private LessonView() {}

    static void show(HTMLDocument document, Lesson lesson) {
        if (lesson.isEmpty()) {
            return;
        }
        List<String> hidden = new ArrayList<>();
        for (LessonControl control : lesson.hidden()) {
            NodeList<? extends HTMLElement> parts = document.querySelectorAll(control.selector());
            for (int i = 0; i < parts.getLength(); i++) {
                parts.item(i).getClassList().add("lesson-hidden");
            }
            hidden.add(control.label());
        }
        document.getElementById("lesson-note-text").setTextContent(lesson.note());
        document.getElementById("lesson-hidden")
                .setTextContent(hidden.isEmpty() ? "" : "Hidden for this lesson: " + String.join(", ", hidden) + ".");
        document.getElementById("lesson-note").setHidden(false);
    }
}
