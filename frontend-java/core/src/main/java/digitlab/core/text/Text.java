package digitlab.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * String helpers that need no regular expressions. In TeaVM, {@code String.split} and
 * {@code String.matches} pull in a whole regex engine (tens of kilobytes in every download) for what is
 * always a single separator character or a digit check here.
 */
public final class Text {
    private Text() {}

    /** Splits at every {@code separator}, keeping empty parts: {@code split("a,,b", ',')} is [a, "", b]. */
    public static String[] split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(new String[0]);
    }

    /** True if {@code text} is 1 to {@code maxLength} ASCII digits. */
    public static boolean isDigits(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The numbers with {@code separator} between them: {@code join([784, 128, 10], '-')} is "784-128-10". */
    public static String join(int[] values, char separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(values[i]);
        }
        return sb.toString();
    }

    /** A decimal without trailing zeros after the point, nor a trailing point: "0.00050" is "0.0005", "12.0" is "12". */
    public static String stripTrailingZeros(String decimal) {
        if (decimal.indexOf('.') < 0) {
            return decimal;
        }
        int end = decimal.length();
        while (decimal.charAt(end - 1) == '0') {
            end--;
        }
        if (decimal.charAt(end - 1) == '.') {
            end--;
        }
        return decimal.substring(0, end);
    }
}
