package digitlab.app.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The worker's side of its channel to the page. Incoming messages queue up in JavaScript, so Java reads
 * them when it is ready: {@link #next()} waits for one, {@link #poll()} takes one if any arrived while a
 * training chunk ran. Other sources inside the worker (shard downloads) deliver into the same inbox, so
 * the worker waits on one thing only; the page's messages come first, so a press of Train is not kept
 * waiting behind a queue of downloaded shards. No Java callback runs inside an event handler, which
 * keeps both builds simple.
 * teavm-jso-apis has no worker global scope type, hence the small scripts.
 */
public final class WorkerPort {
    private WorkerPort() {}

    /** Starts queueing the page's messages; call once before {@link #next()} or {@link #poll()}. */
    @JSBody(
            script = ""
                    // Messages that came while the module loaded were kept by the boot script (web/js/worker-*.js).
                    + "var inboxPage = self.digitLabEarlyMessages || []; var inboxInside = []; var inboxWaiter = null;"
                    + "function inboxWake(inboxQueue, inboxItem) {"
                    + "  if (inboxWaiter) { var wake = inboxWaiter; inboxWaiter = null; wake(inboxItem); }"
                    + "  else { inboxQueue.push(inboxItem); }"
                    + "}"
                    + "function inboxTake() {"
                    + "  return inboxPage.length ? inboxPage.shift() : inboxInside.length ? inboxInside.shift() : null;"
                    + "}"
                    + "self.onmessage = function(inboxEvent) { inboxWake(inboxPage, inboxEvent.data); };"
                    + "self.digitLabInbox = {"
                    + "  deliver: function(insideItem) { inboxWake(inboxInside, insideItem); },"
                    + "  next: function() { var queued = inboxTake(); return queued !== null ? Promise.resolve(queued)"
                    + "      : new Promise(function(resolveInbox) { inboxWaiter = resolveInbox; }); },"
                    + "  poll: inboxTake"
                    + "};")
    public static native void listen();

    /** The next message from the page, waiting for one if none is queued. */
    public static <T extends JSObject> T next() {
        return WorkerPort.<T>nextMessage().await();
    }

    /** A queued message from the page, or {@code null} if none is waiting. */
    @JSBody(script = "return self.digitLabInbox.poll();")
    public static native <T extends JSObject> T poll();

    /** Lets the event loop run once (so queued messages arrive) without the ~4 ms clamp of setTimeout. */
    public static void yieldToEventLoop() {
        tick().await();
    }

    /** Posts {@code message} to the page, moving (not copying) the buffers listed in {@code transfer}. */
    @JSBody(
            params = {"outgoingMessage", "transferList"},
            script = "self.postMessage(outgoingMessage, transferList || []);")
    public static native void post(JSObject outgoingMessage, JSObject transferList);

    @JSBody(script = "return self.digitLabInbox.next();")
    private static native <T extends JSObject> JSPromise<T> nextMessage();

    @JSBody(
            script = ""
                    + "return new Promise(function(resolveTick) {"
                    + "  var tickChannel = new MessageChannel();"
                    + "  tickChannel.port1.onmessage = function() { resolveTick(null); };"
                    + "  tickChannel.port2.postMessage(null);"
                    + "});")
    private static native JSPromise<JSObject> tick();
}
