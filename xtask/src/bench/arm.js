// Before one key press: expect `arguments[0]`, reset the clocks and counters, forget old marks.
const b = window.__wlb;
b.expected = arguments[0];
b.t0 = b.tListener = b.tDom = b.tPaint = b.tLast = null;
b.mutations = 0;
performance.clearMarks();
b.armed = true;
const range = document.querySelector('input[type="range"]');
if (range && document.activeElement !== range) range.focus();
return true;
