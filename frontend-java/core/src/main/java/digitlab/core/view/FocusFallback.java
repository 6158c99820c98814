package digitlab.core.view;

/**
 * Where the keyboard focus goes when the focused button of a row becomes disabled, so it is not dropped
 * on the page's body (Train pressed: Train turns off, Pause turns on and takes the focus; Pause pressed:
 * back to Train). It goes to the nearest enabled button, the one before on a tie, since a row of
 * controls reads from its main action on.
 */
public final class FocusFallback {
    /** What {@link #nearestEnabled} returns when no button of the row is enabled. */
    public static final int NONE = -1;

    private FocusFallback() {}

    /**
     * @param enabled whether each button of the row is enabled now, in the row's order
     * @param focused the button that had the focus
     * @return the enabled button nearest to {@code focused} ({@code focused} itself if it is still
     *     enabled), or {@link #NONE}
     */
    public static int nearestEnabled(boolean[] enabled, int focused) {
        if (focused < 0 || focused >= enabled.length) {
            throw new IllegalArgumentException("button " + focused + " is not in a row of " + enabled.length);
        }
        for (int distance = 0; distance < enabled.length; distance++) {
            if (focused - distance >= 0 && enabled[focused - distance]) {
                return focused - distance;
            }
            if (focused + distance < enabled.length && enabled[focused + distance]) {
                return focused + distance;
            }
        }
        return NONE;
    }
}
