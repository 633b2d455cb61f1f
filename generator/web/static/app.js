// Puts each finding of the live check beside the field it is about (the server lists them with
// their data path), shows computed totals in blank total cells, and removes prose blocks.
"use strict";

function messageBox(field) {
  const direct = document.querySelector(`[data-msg="${CSS.escape(field)}"]`);
  if (direct) return direct;
  // report.overview.3.text → the 4th filled block of report.overview (empty blocks are dropped)
  const match = field.match(/^(.*?)\.(\d+)(?:\.[a-z0-9]+)?$/);
  if (!match) return null;
  const blocks = document.querySelector(`[data-section="${CSS.escape(match[1])}"]`);
  if (!blocks) return null;
  const filled = [...blocks.querySelectorAll(".block")].filter(
    (block) => block.querySelector("textarea").value.trim() !== "");
  const block = filled[Number(match[2])];
  return block ? block.querySelector(".msg") : null;
}

function placeFindings() {
  document.querySelectorAll(".msg").forEach((box) => { box.textContent = ""; });
  document.querySelectorAll(".bad, .warn").forEach((input) => input.classList.remove("bad", "warn"));
  document.querySelectorAll("#findings li[data-field]").forEach((item) => {
    const box = messageBox(item.dataset.field);
    if (!box) return;
    const line = document.createElement("div");
    line.className = item.dataset.severity;
    line.textContent = item.dataset.text;
    box.appendChild(line);
    const input = box.parentElement.querySelector("input, textarea");
    if (input) input.classList.add(item.dataset.severity === "error" ? "bad" : "warn");
  });
  document.querySelectorAll("input[name^='t:']").forEach((input) => { input.placeholder = ""; });
  document.querySelectorAll("#findings [data-total]").forEach((total) => {
    const input = document.querySelector(`input[name="t:${CSS.escape(total.dataset.total)}"]`);
    if (input) input.placeholder = total.dataset.value;
  });
}

document.addEventListener("htmx:afterSettle", (event) => {
  if (event.target.id === "findings") placeFindings();
});

document.addEventListener("click", (event) => {
  const remove = event.target.closest(".block .remove");
  if (!remove) return;
  const form = remove.closest("form");
  remove.closest(".block").remove();
  form.dispatchEvent(new Event("input", { bubbles: true }));
});
