// Quick add as you type: while the action text changes, ask the server for the analyzer's verdict (an HTML fragment
// rendered by the same component the page shows after Add) and show it in the live region named by the field's
// data-live-verdict attribute. Progressive enhancement only: without this file the plain form works the same.
// Listeners sit on the document, so fields that Blazor's enhanced navigation swaps in work too.
(function () {
    "use strict";
    var delay = 300;
    var timers = new WeakMap();
    var pending = new WeakMap();

    function show(field) {
        var region = document.getElementById(field.getAttribute("data-live-verdict"));
        if (!region) {
            return;
        }
        var text = field.value.trim();
        var previous = pending.get(field);
        if (previous) {
            previous.abort();
        }
        if (text === "") {
            region.innerHTML = "";
            return;
        }
        var controller = new AbortController();
        pending.set(field, controller);
        fetch("/add/verdict?text=" + encodeURIComponent(text), {
            credentials: "same-origin",
            headers: { "Accept": "text/html" },
            signal: controller.signal
        }).then(function (response) {
            // 204: nothing to judge (too long or empty); anything else unexpected leaves the region as it was.
            if (response.status === 204) {
                region.innerHTML = "";
                return null;
            }
            return response.ok ? response.text() : null;
        }).then(function (html) {
            // The fragment is the server's own HTML-encoded markup, never the raw text typed.
            if (html !== null && field.value.trim() === text) {
                region.innerHTML = html;
            }
        }).catch(function () {
            // Offline or aborted by a newer keystroke: the verdict still comes when the form is sent.
        });
    }

    document.addEventListener("input", function (event) {
        var field = event.target;
        if (!(field instanceof HTMLInputElement) || !field.hasAttribute("data-live-verdict")) {
            return;
        }
        clearTimeout(timers.get(field));
        timers.set(field, setTimeout(function () { show(field); }, delay));
    });
})();
