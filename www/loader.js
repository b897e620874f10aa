// The page's word while the app loads, inlined into each app's index.html by trunk
// (`<link data-trunk rel="inline" href=".../www/loader.js">`, before the app's own script).
//
// While the .wasm downloads it says how far along it is; only a real failure (a file that
// does not load, an HTTP error, a failed start) says the app could not start. A slow link is
// not a failure: after 15 s without a failure it says "still loading". The app removes the
// `.wasmlit-loading` element when it mounts, and with it every message here.
(function () {
  // The viewer's theme before the app starts, so a dark-mode visitor never sees a white flash:
  // `?theme=` in the URL, else the choice the app keeps in localStorage (src/web/shell.rs),
  // else the system's. The app takes over when it mounts.
  var theme = (/[?&]theme=(light|dark)\b/.exec(location.search) || [])[1];
  try {
    theme = theme || localStorage.getItem("wasmlit-theme");
  } catch (error) {
    // Storage may be off: the system's preference it is.
  }
  var early = document.createElement("style");
  early.id = "wasmlit-early-theme";
  early.textContent =
    "html { color-scheme: " + (theme === "light" || theme === "dark" ? theme : "light dark") + "; }" +
    " body { margin: 0; background: light-dark(#fff, #0e1117); }";
  document.head.appendChild(early);

  var loading = function () {
    return document.querySelector("#wasmlit-app .wasmlit-loading");
  };
  var say = function (text) {
    var element = loading();
    if (element) element.textContent = text;
  };
  var failed = false;
  var fail = function (why) {
    if (!loading()) return;
    failed = true;
    say("The app could not start: " + why + ". Reload the page; if this persists, check the browser console.");
  };
  var megabytes = function (bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  };

  // The .wasm is fetched through window.fetch: count its bytes as they arrive.
  var fetchOriginal = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    var response = fetchOriginal(input, init);
    if (!/\.wasm(\?|#|$)/.test(url)) return response;
    return response.then(
      function (response) {
        if (!response.ok) {
          fail("its WebAssembly file answered HTTP " + response.status);
          return response;
        }
        if (!response.body || typeof ReadableStream === "undefined") return response;
        // A compressed transfer's length is not the length of the bytes we count.
        var total = response.headers.get("Content-Encoding") ? 0 : Number(response.headers.get("Content-Length")) || 0;
        var received = 0;
        var reader = response.body.getReader();
        var counted = new ReadableStream({
          pull: function (controller) {
            return reader.read().then(
              function (chunk) {
                if (chunk.done) {
                  if (!failed) say("Starting the app…");
                  controller.close();
                  return;
                }
                received += chunk.value.byteLength;
                if (!failed) {
                  say(
                    total
                      ? "Loading the app… " + Math.min(99, Math.floor((received * 100) / total)) + "% (" +
                          megabytes(received) + " of " + megabytes(total) + ")"
                      : "Loading the app… " + megabytes(received)
                  );
                }
                controller.enqueue(chunk.value);
              },
              function (error) {
                fail("its WebAssembly file stopped downloading");
                controller.error(error);
              }
            );
          },
        });
        return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
      },
      function (error) {
        fail("its WebAssembly file could not be fetched");
        throw error;
      }
    );
  };

  // A script, module or preload that fails to load fires `error` on its element.
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && (target.tagName === "SCRIPT" || target.tagName === "LINK")) {
        fail("a file of the app did not load (" + (target.src || target.href) + ")");
      }
    },
    true
  );
  // The app's start is a promise: a rejection before it mounts is a failed start.
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    fail((reason && reason.message) || String(reason));
  });

  setTimeout(function () {
    var element = loading();
    if (element && !failed && element.textContent === "Loading the app…") {
      say("Still loading the app… (a slow connection?)");
    }
  }, 15000);
})();
