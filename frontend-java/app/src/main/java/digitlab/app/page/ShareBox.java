package digitlab.app.page;

import digitlab.app.browser.Clipboard;
import digitlab.app.browser.Dom;
import digitlab.app.browser.PageUrl;
import digitlab.app.views.QrCodeView;
import digitlab.core.share.ShareLink;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What Share hands out once the model is uploaded: the short link ({@code #share-link}) and a Copy button
 * ({@code #copy-link}) that says the link was copied only when the browser did copy it, and its QR code.
 */
final class ShareBox {
    static final String COPIED = "Link copied to the clipboard.";

    private final StatusLine status;
    private final HTMLElement result;
    private final HTMLElement link;
    private final QrCodeView qr;
    private String url;

    ShareBox(HTMLDocument document, StatusLine status) {
        this.status = status;
        result = document.getElementById("share-result");
        link = document.getElementById("share-link");
        qr = new QrCodeView(document);
        HTMLButtonElement copy = (HTMLButtonElement) document.getElementById("copy-link");
        copy.onClick(event -> copy());
    }

    /** Shows the link to the uploaded model {@code modelId}. */
    void show(String modelId) {
        String page = PageUrl.pageAddress();
        url = ShareLink.url(page, modelId);
        link.setAttribute("href", url);
        // Where the card is too narrow for the whole link, it breaks before the query, not inside the id.
        link.setTextContent(page);
        link.appendChild(Dom.create("wbr", null));
        link.appendChild(Dom.text("span", "share-query", url.substring(page.length())));
        link.setHidden(false);
        result.setHidden(false);
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
