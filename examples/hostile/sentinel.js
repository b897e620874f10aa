// The hostile app's tripwire, inlined before anything else runs: every way the XSS corpus
// (tests/corpus/xss.txt) tries to show that it ran (alert, confirm, prompt, print) is caught
// and recorded in `window.__xss`, and every Content-Security-Policy report (the e2e test serves
// the app with a report-only policy that allows only the app's own scripts) in `window.__csp`.
(function () {
  window.__xss = [];
  window.__csp = [];
  ["alert", "confirm", "prompt", "print"].forEach(function (name) {
    window[name] = function () {
      window.__xss.push(name + "(" + Array.prototype.join.call(arguments, ",") + ")");
    };
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    window.__csp.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
  });
})();
