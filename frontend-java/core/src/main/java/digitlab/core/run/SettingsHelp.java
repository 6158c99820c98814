package digitlab.core.run;

import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.List;

/** The run settings explained, from {@link RunSettings}: the CLI's option help and the README's table. */
public final class SettingsHelp {
    private SettingsHelp() {}

    private static final int WIDTH = 100;
    private static final int NAME_COLUMN = 30;

    /** One entry per setting, {@code --key DEFAULT  what it does}, wrapped to 100 columns. */
    public static String cliOptions() {
        List<String> lines = new ArrayList<>();
        for (Setting<?> s : RunSettings.ALL) {
            String name = "  --" + s.key() + (s.cliAlias() == null ? "" : ", --" + s.cliAlias())
                    + (s.defaultDerived() ? "" : " " + s.defaultText());
            StringBuilder text = new StringBuilder(s.help());
            if (s.isMenu()) {
                text.append(": ").append(ids(s));
            }
            if (s.defaultDerived()) {
                text.append(" (default ").append(s.defaultText()).append(')');
            }
            wrap(name, text.toString(), lines);
        }
        return String.join("\n", lines);
    }

    /** A Markdown table of every setting: key, default, what it does, and the optimisers it applies to. */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder();
        md.append("| key | default | what it sets | used by |\n|---|---|---|---|\n");
        for (Setting<?> s : RunSettings.ALL) {
            StringBuilder text = new StringBuilder(s.help());
            if (s.isMenu()) {
                List<String> options = new ArrayList<>();
                for (Setting.Option o : s.options()) {
                    options.add("`" + o.id() + "` " + o.label());
                }
                text.append(": ").append(String.join(", ", options));
            }
            md.append("| `")
                    .append(s.key())
                    .append("` | ")
                    .append(s.defaultDerived() ? s.defaultText() : "`" + s.defaultText() + "`")
                    .append(" | ")
                    .append(text.toString().replace("|", "\\|"))
                    .append(" | ")
                    .append(usedBy(s))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String ids(Setting<?> s) {
        List<String> ids = new ArrayList<>();
        for (Setting.Option o : s.options()) {
            ids.add(o.id());
        }
        return String.join(", ", ids);
    }

    private static String usedBy(Setting<?> s) {
        List<String> kinds = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) {
            if (s.appliesTo(kind)) {
                kinds.add(kind.id());
            }
        }
        return kinds.size() == OptimizerKind.values().length ? "all" : String.join(", ", kinds);
    }

    /** {@code name} padded to the help column, then {@code text} broken at spaces. */
    private static void wrap(String name, String text, List<String> lines) {
        StringBuilder line = new StringBuilder(name);
        if (line.length() >= NAME_COLUMN - 1) {
            lines.add(line.toString());
            line.setLength(0);
        }
        for (String word : Text.split(text, ' ')) {
            boolean starting = line.length() <= NAME_COLUMN;
            if (!starting && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                starting = true;
            }
            if (starting) {
                line.append(" ".repeat(NAME_COLUMN - line.length()));
            } else {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }
}
