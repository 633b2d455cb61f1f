// Puts each finding of the live check beside the field it is about (the server lists them with
// their data path) and shows computed totals in blank total cells (editing: static/editing.js).
// It holds no words of its own: the page hands it its few sentences, in the page's language, as
// JSON in #page-strings.
"use strict";

const STRINGS = JSON.parse(document.getElementById("page-strings")?.textContent || "{}");

// A refusal is a message fragment (400, 404, 413 …): shown where the answer was to go, as a
// success would be, rather than dropped as htmx drops an error's answer by default.
htmx.config.responseHandling = [
  { code: "204", swap: false },
  { code: "[2345]..", swap: true, error: false },
];

function showStatus(text) {
  const status = document.getElementById("status");
  if (!status) return;
  const line = document.createElement("p");
  line.className = "message error";
  line.setAttribute("role", "status");
  line.textContent = text;
  status.replaceChildren(line);
}

// The browser's own words would be in the browser's language (a Debian chromium without its
// translations speaks English): the file picker and the "fill this in" bubbles speak the page's.
document.addEventListener("change", (event) => {
  const input = event.target.closest(".file-pick input[type=file]");
  if (!input) return;
  const name = input.closest(".file-pick").querySelector(".file-name");
  name.textContent = input.files.length ? input.files[0].name : STRINGS.noFile;
});
document.addEventListener("invalid", (event) => {
  const input = event.target;
  if (input.validity.valueMissing) input.setCustomValidity(input.type === "file" ? STRINGS.chooseFile : STRINGS.required);
}, true);
["input", "change"].forEach((kind) => document.addEventListener(kind, (event) => {
  if (event.target.setCustomValidity) event.target.setCustomValidity("");
}, true));

document.addEventListener("htmx:sendError", () => showStatus(STRINGS.offline));
document.addEventListener("htmx:afterRequest", (event) => {
  const xhr = event.detail.xhr;
  if (xhr && xhr.status >= 400 && !xhr.responseText) {
    showStatus(STRINGS.failed.replace("{status}", String(xhr.status)));
  }
});

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


// ---- The preview keeps up with typing ------------------------------------------------------
// Once shown, the preview follows every edit (100 ms after the last keystroke; a newer edit
// aborts the request before it, and the server drops a build it made stale). Each request names
// the pages in view: the server draws those at once and the others when they are scrolled to,
// and a page whose digest did not change keeps its image.
const PREVIEW_DELAY_MS = 100;
htmx.config.defaultSettleDelay = 0;      // the checks are placed as soon as they arrive (no CSS transitions wait)
let previewTimer = null;
let previewRequest = null;

function pagesInView() {
  const side = document.querySelector(".side")?.getBoundingClientRect();
  const numbers = [...document.querySelectorAll("#preview .pages img")].filter((img) => {
    const box = img.getBoundingClientRect();
    return side && box.height > 0 && box.bottom > side.top && box.top < side.bottom;
  }).map((img) => img.dataset.page);
  return numbers.join(",") || "1";
}

function parsed(html) {
  const fresh = document.createElement("div");
  fresh.innerHTML = html;
  return fresh;
}

function patchPreview(fresh) {
  const preview = document.getElementById("preview");
  const pages = fresh.querySelector(".pages");
  const before = [...preview.querySelectorAll(".pages img")];
  if (pages) {
    [...pages.querySelectorAll("img")].forEach((img, index) => {
      const old = before[index];
      if (old && old.dataset.digest === img.dataset.digest) pages.replaceChild(old, img);
    });
  }
  preview.replaceChildren(...fresh.childNodes);
}

function livePreview() {
  const form = document.getElementById("report");
  if (!form || !document.querySelector("#preview .pages")) return;
  previewRequest?.abort();
  const request = new AbortController();
  previewRequest = request;
  const address = form.getAttribute("hx-post").replace(/\/check$/, "/preview");
  fetch(`${address}?view=${pagesInView()}`, { method: "POST", body: new URLSearchParams(new FormData(form)), signal: request.signal })
    .then((response) => (response.status === 204 ? null : response.text()))
    .then((html) => {
      const fresh = html === null || previewRequest !== request ? null : parsed(html);
      if (fresh && fresh.querySelector(".pages")) patchPreview(fresh);    // a value refused: the checks say so
    })
    .catch(() => {});        // aborted by a newer edit; a server that is gone shows in the checks
}

["input", "change"].forEach((kind) => document.addEventListener(kind, (event) => {
  if (!event.target.closest("#report")) return;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(livePreview, PREVIEW_DELAY_MS);
}));

document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.path.endsWith("/preview")) event.detail.path += `?view=${pagesInView()}`;
});
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.target.id !== "preview" || !event.detail.shouldSwap) return;
  event.detail.shouldSwap = false;
  patchPreview(parsed(event.detail.serverResponse));
});
