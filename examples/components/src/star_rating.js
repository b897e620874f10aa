// A star rating: the rating is a state value, so the script reads it on every later run.
// The entry is called on mount and again with every new `data`, in the same parentElement.
export default function ({ parentElement, data, setStateValue }) {
  // How many times the entry ran in this node (the e2e test reads it: the node is kept).
  parentElement.wlCalls = (parentElement.wlCalls ?? 0) + 1;
  parentElement.querySelector(".label").textContent = data.label;
  const row = parentElement.querySelector(".stars");
  // The rating lives in the DOM between calls (the node is kept); it starts at the default.
  parentElement.wlRating ??= data.rating;
  const light = () => row.querySelectorAll("button").forEach((b, i) => b.classList.toggle("lit", i < parentElement.wlRating));
  row.replaceChildren();
  for (let star = 1; star <= data.stars; star++) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "★";
    button.setAttribute("aria-label", `${star} of ${data.stars}`);
    button.onclick = () => {
      parentElement.wlRating = star;
      light();
      setStateValue("rating", star);
    };
    row.append(button);
  }
  light();
  // Runs once, when the script stops drawing the component.
  return () => {
    document.body.dataset.starRatingCleanup = "done";
  };
}
