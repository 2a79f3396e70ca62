/* Share bar (core/templates/partials/share.html): the phone's share sheet through the Web
   Share API, and "Copy link", shown only where the browser can do them. The Zalo, Facebook
   and Messenger links work without this script, and no network's script is loaded. */
(function () {
  "use strict";

  function copyByHand(text) {
    // Older browsers and pages not served over HTTPS have no navigator.clipboard.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied;
  }

  document.querySelectorAll("[data-share]").forEach(function (bar) {
    var url = bar.getAttribute("data-share-url");
    var title = bar.getAttribute("data-share-title");
    var status = bar.querySelector(".share-status");

    var native = bar.querySelector(".share-native");
    if (native && typeof navigator.share === "function") {
      native.closest("li").hidden = false;
      native.addEventListener("click", function () {
        // Closing the sheet rejects the promise: nothing to say then.
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }

    var copy = bar.querySelector(".share-copy");
    if (!copy) {
      return;
    }
    copy.closest("li").hidden = false;
    copy.addEventListener("click", function () {
      function done() {
        status.textContent = copy.getAttribute("data-copied");
      }
      function failed() {
        status.textContent = copy.getAttribute("data-failed") + " " + url;
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () {
          if (copyByHand(url)) { done(); } else { failed(); }
        });
      } else if (copyByHand(url)) {
        done();
      } else {
        failed();
      }
    });
  });
})();
