package digitlab.app.browser;

import org.teavm.jso.JSBody;

/** The browser's localStorage, which may be missing or blocked (some private modes): every call says so. */
public final class LocalStore {
    private LocalStore() {}

    /** localStorage's value for {@code key}; null if absent or if storage is unavailable. */
    @JSBody(
            params = "storageKeyToRead",
            script = ""
                    + "try {"
                    + "  var storedValueForKey = self.localStorage.getItem(storageKeyToRead);"
                    + "  return typeof storedValueForKey === 'string' ? storedValueForKey : null;"
                    + "} catch (storageReadFailure) { return null; }")
    public static native String get(String storageKeyToRead);

    /** Stores a value; false if storage is unavailable or full. */
    @JSBody(
            params = {"storageKeyToWrite", "storageValueToWrite"},
            script = ""
                    + "try { self.localStorage.setItem(storageKeyToWrite, storageValueToWrite); return true; }"
                    + " catch (storageWriteFailure) { return false; }")
    public static native boolean set(String storageKeyToWrite, String storageValueToWrite);

    /** Removes a value; false if storage is unavailable. */
    @JSBody(
            params = "storageKeyToRemove",
            script = ""
                    + "try { self.localStorage.removeItem(storageKeyToRemove); return true; }"
                    + " catch (storageRemoveFailure) { return false; }")
    public static native boolean remove(String storageKeyToRemove);

    /** True if localStorage can be written (not in some private modes or with storage blocked). */
    @JSBody(
            script = ""
                    + "try {"
                    + "  var storageProbeKey = 'digitlab.storage-probe';"
                    + "  self.localStorage.setItem(storageProbeKey, '1');"
                    + "  self.localStorage.removeItem(storageProbeKey);"
                    + "  return true;"
                    + "} catch (storageProbeFailure) { return false; }")
    public static native boolean available();
}
