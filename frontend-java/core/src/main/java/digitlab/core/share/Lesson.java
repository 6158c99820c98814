package digitlab.core.share;

import digitlab.core.run.RunQuery;
import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson link's additions to a share link: the controls the page hides for the class and a short note from
 * the teacher shown at the top, as plain text ({@code &hide=layers,settings&note=Try%20a%20seed}). Reading a
 * link never fails: unknown names are dropped and a long note is cut, and each says so in {@code problems}.
 */
public final class Lesson {
    /** The page parameter listing the hidden controls, comma-separated ({@link LessonControl#id()}). */
    public static final String HIDE = "hide";

    /** The page parameter holding the note. */
    public static final String NOTE = "note";

    /** The longest note, in UTF-16 units as a textarea's maxlength counts them: a few sentences. */
    public static final int MAX_NOTE = 280;

    /** No lesson: a plain share link. */
    public static final Lesson NONE = new Lesson(List.of(), "");

    private final List<LessonControl> hidden;
    private final String note;

    private Lesson(List<LessonControl> hidden, String note) {
        this.hidden = hidden;
        this.note = note;
    }

    /**
     * The lesson the share panel composes: {@code hidden} in any order, {@code note} as typed (line breaks
     * and spaces at the ends are tidied).
     *
     * @throws IllegalArgumentException for a note over {@link #MAX_NOTE}
     */
    public static Lesson of(List<LessonControl> hidden, String note) {
        String tidy = tidy(note);
        if (tidy.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note is " + tidy.length() + " characters; at most " + MAX_NOTE);
        }
        return new Lesson(inOrder(hidden), tidy);
    }

    /** The lesson in the page address {@code query}; what it had to set aside goes to {@code problems}. */
    public static Lesson read(RunQuery query, List<String> problems) {
        return read(query.pageParam(HIDE), query.pageParam(NOTE), problems);
    }

    /**
     * The lesson of parameters {@code hide} and {@code note} (either may be null). Unknown names are ignored,
     * a note over {@link #MAX_NOTE} is cut there; each adds a sentence to {@code problems}.
     */
    public static Lesson read(String hide, String note, List<String> problems) {
        List<LessonControl> hidden = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : Text.split(hide == null ? "" : hide, ',')) {
            String id = name.trim().toLowerCase();
            LessonControl control = LessonControl.byId(id);
            if (control != null) {
                hidden.add(control);
            } else if (!id.isEmpty()) {
                unknown.add("'" + name.trim() + "'");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("The lesson link hides " + String.join(", ", unknown)
                    + ", which this page does not have: ignored (it can hide " + knownIds() + ").");
        }
        String tidy = tidy(note == null ? "" : note);
        if (tidy.length() > MAX_NOTE) {
            problems.add("The lesson note is " + tidy.length() + " characters long: only its first " + MAX_NOTE
                    + " are shown.");
            int end = MAX_NOTE;
            if (Character.isHighSurrogate(tidy.charAt(end - 1))) {
                end--; // never half a character
            }
            tidy = tidy.substring(0, end).trim();
        }
        return new Lesson(inOrder(hidden), tidy);
    }

    /** The hidden controls, in the order of {@link LessonControl}, each once. */
    public List<LessonControl> hidden() {
        return hidden;
    }

    public boolean hides(LessonControl control) {
        return hidden.contains(control);
    }

    /** The note, plain text (empty for none): the page shows it as text, never as HTML. */
    public String note() {
        return note;
    }

    public boolean isEmpty() {
        return hidden.isEmpty() && note.isEmpty();
    }

    /** The page parameters of this lesson, none for {@link #NONE}. */
    public Map<String, String> toParams() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!hidden.isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (LessonControl control : hidden) {
                ids.add(control.id());
            }
            params.put(HIDE, String.join(",", ids));
        }
        if (!note.isEmpty()) {
            params.put(NOTE, note);
        }
        return params;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lesson lesson && hidden.equals(lesson.hidden) && note.equals(lesson.note);
    }

    @Override
    public int hashCode() {
        return hidden.hashCode() * 31 + note.hashCode();
    }

    @Override
    public String toString() {
        return toParams().toString();
    }

    private static List<LessonControl> inOrder(List<LessonControl> controls) {
        List<LessonControl> ordered = new ArrayList<>();
        for (LessonControl control : LessonControl.values()) {
            if (controls.contains(control)) {
                ordered.add(control);
            }
        }
        return Collections.unmodifiableList(ordered);
    }

    /** Windows line breaks as one, other control characters as spaces, no spaces at the ends. */
    private static String tidy(String note) {
        StringBuilder sb = new StringBuilder(note.length());
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '\r') {
                if (i + 1 < note.length() && note.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            sb.append(c != '\n' && Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().trim();
    }

    private static String knownIds() {
        List<String> ids = new ArrayList<>();
        for (LessonControl control : LessonControl.values()) {
            ids.add(control.id());
        }
        return String.join(", ", ids);
    }
}
