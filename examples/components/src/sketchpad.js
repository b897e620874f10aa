// A sketchpad: each finished stroke is a trigger value (it lasts one run); the script keeps
// the strokes and sends them back as `data`, from which the canvas is redrawn.
export default function ({ parentElement, data, setTriggerValue, theme }) {
  const canvas = parentElement.querySelector("canvas");
  const context = canvas.getContext("2d");
  const draw = (points) => {
    context.beginPath();
    points.forEach(([x, y], i) => (i ? context.lineTo(x, y) : context.moveTo(x, y)));
    context.stroke();
  };
  context.lineWidth = 3;
  context.lineCap = context.lineJoin = "round";
  context.strokeStyle = theme.primaryColor;
  context.clearRect(0, 0, canvas.width, canvas.height);
  data.strokes.forEach(draw);
  if (!canvas.wlWired) {
    canvas.wlWired = true;
    let stroke = null;
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      return [Math.round(event.clientX - box.left), Math.round(event.clientY - box.top)];
    };
    canvas.onpointerdown = (event) => {
      stroke = [at(event)];
      try { canvas.setPointerCapture(event.pointerId); } catch {}
    };
    canvas.onpointermove = (event) => {
      if (!stroke) return;
      stroke.push(at(event));
      draw(stroke.slice(-2));
    };
    canvas.onpointerup = () => {
      if (stroke && stroke.length > 1) setTriggerValue("stroke", stroke);
      stroke = null;
    };
    parentElement.querySelector("button").onclick = () => setTriggerValue("clear", true);
  }
}
