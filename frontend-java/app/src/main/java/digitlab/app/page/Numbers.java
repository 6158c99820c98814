package digitlab.app.page;

/** Number formatting for readouts (TeaVM's String.format lacks %e/%g, and these are all we need). */
final class Numbers {
    private Numbers() {
    }

    /** 0.97312 -> "97.31%". */
    static String percent(double fraction) {
        return fixed(fraction * 100, 2) + "%";
    }

    /** 12345 -> "12,345". */
    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + s;
    }

    /** {@code value} with {@code decimals} digits after the point, rounded half up. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = (long) Math.floor(Math.abs(value) * scale + 0.5);
        String whole = Long.toString(scaled / scale);
        String fraction = Long.toString(scaled % scale);
        while (fraction.length() < decimals) {
            fraction = "0" + fraction;
        }
        return (value < 0 && scaled != 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "");
    }
}
