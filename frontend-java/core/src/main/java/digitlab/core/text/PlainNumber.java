package digitlab.core.text;

/**
 * Floats as the shortest text that reads back as the same float, without exponent: 0.0005 stays "0.0005"
 * in an address where {@code Float.toString} would write "5.0E-4".
 */
public final class PlainNumber {
    private PlainNumber() {}

    /** "0.001", "1", "2.5", "0.00001". */
    public static String of(float f) {
        if (f == (int) f && Math.abs(f) < 1e7f) {
            return Integer.toString((int) f);
        }
        String text = Float.toString(f);
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        // d.dddE[-]n -> move the point n places.
        boolean negative = text.startsWith("-");
        String mantissa = text.substring(negative ? 1 : 0, e);
        int exponent = Integer.parseInt(text.substring(e + 1));
        int point = mantissa.indexOf('.');
        String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int newPoint = point + exponent;
        String plain;
        if (newPoint <= 0) {
            plain = "0." + "0".repeat(-newPoint) + digits;
        } else if (newPoint >= digits.length()) {
            plain = digits + "0".repeat(newPoint - digits.length());
        } else {
            plain = digits.substring(0, newPoint) + "." + digits.substring(newPoint);
        }
        plain = Text.stripTrailingZeros(plain);
        return negative ? "-" + plain : plain;
    }
}
