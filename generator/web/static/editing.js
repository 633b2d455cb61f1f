// The editing page's own work, so that nothing typed is lost: adding, moving and removing
// blocks, sections, attachments and names; undo and redo of every edit (Ctrl+Z, Ctrl+Y and the
// buttons); a warning before leaving unsaved edits; saving with the version of the file the page
// loaded (a file changed meanwhile is refused and offered for reload); downloads fetched and
// handed to the browser, so the page never navigates away; uploads of the seal and a workbook.
// Its few sentences come from the page, in its language (#page-strings), like app.js's.
"use strict";

(() => {
  const form = document.getElementById("report");
  const WORDS = JSON.parse(document.getElementById("page-strings")?.textContent || "{}");
  const HISTORY_LIMIT = 200;
  const TYPING_PAUSE_MS = 500;     // keystrokes closer than this are one step of undo
  const VERSION_POLL_MS = 3000;

  // ---- messages in the toolbar ----------------------------------------------------------
  function setStatus(html) {
    const status = document.getElementById("status");
    if (status) status.innerHTML = html;
  }
  function busy(on) {
    document.getElementById("building")?.classList.toggle("htmx-request", on);
  }

  // ---- the text view of a file that does not load ---------------------------------------
  const textForm = document.getElementById("text-form");
  if (textForm) {
    const area = document.getElementById("file-text");
    const numbers = textForm.querySelector(".line-numbers");
    const number = () => {
      const count = area.value.split("\n").length;
      numbers.replaceChildren(...Array.from({ length: count }, (_, i) => {
        const item = document.createElement("li");
        if (i + 1 === Number(textForm.dataset.line)) item.className = "error-line";
        return item;
      }));
    };
    area.addEventListener("input", number);
    area.addEventListener("scroll", () => { numbers.scrollTop = area.scrollTop; });
    number();
    const line = Number(textForm.dataset.line);
    if (line > 0) {
      const lines = area.value.split("\n");
      const start = lines.slice(0, line - 1).join("\n").length + (line > 1 ? 1 : 0);
      area.focus();
      area.setSelectionRange(start, start + lines[line - 1].length);
      area.scrollTop = Math.max(0, (line - 5) * parseFloat(getComputedStyle(area).lineHeight));
    }
    let typed = false;
    area.addEventListener("input", () => { typed = true; });
    textForm.addEventListener("submit", () => { typed = false; });
    window.addEventListener("beforeunload", (event) => { if (typed) event.preventDefault(); });
  }
  if (!form) return;

  // ---- the state of the form, for undo and for "unsaved" --------------------------------
  const state = () => JSON.stringify([...new FormData(form)].filter(([, value]) => typeof value === "string"));
  function markup() {
    form.querySelectorAll("input, textarea, select").forEach((element) => {
      if (element.type === "checkbox") element.toggleAttribute("checked", element.checked);
      else if (element.tagName === "TEXTAREA") element.textContent = element.value;
      else if (element.tagName === "SELECT") [...element.options].forEach((o) => o.toggleAttribute("selected", o.selected));
      else if (element.type !== "file") element.setAttribute("value", element.value);
    });
    form.querySelectorAll("fieldset").forEach((set) => set.toggleAttribute("disabled", set.disabled));
    return form.innerHTML;
  }
  const history = [{ html: markup(), state: state() }];
  let at = 0;
  let savedState = history[0].state;
  let pending = null;
  let restoring = false;

  function buttons() {
    document.getElementById("undo").disabled = at === 0 && pending === null;
    document.getElementById("redo").disabled = at === history.length - 1;
  }
  function record() {
    clearTimeout(pending);
    pending = null;
    const now = state();
    if (now === history[at].state) { buttons(); return; }
    history.splice(at + 1);
    history.push({ html: markup(), state: now });
    if (history.length > HISTORY_LIMIT) history.shift();
    at = history.length - 1;
    buttons();
  }
  function recheck() {
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }
  // step: -1 undo, +1 redo; typing not yet recorded is recorded first, so it is what undo takes back
  function restore(step) {
    if (pending !== null) record();
    const index = at + step;
    if (index < 0 || index >= history.length) return;
    at = index;
    restoring = true;
    const focused = document.activeElement?.name;
    const nth = focused ? [...form.elements].filter((e) => e.name === focused).indexOf(document.activeElement) : -1;
    form.innerHTML = history[at].html;
    renumber();
    if (focused) [...form.elements].filter((e) => e.name === focused)[nth]?.focus();   // the cursor stays where it was
    restoring = false;
    buttons();
    recheck();
  }
  form.addEventListener("input", () => {
    if (restoring) return;
    clearTimeout(pending);
    pending = setTimeout(record, TYPING_PAUSE_MS);
    buttons();
  });
  // a structural edit: one step of undo at once, and a check
  function edited() {
    renumber();
    record();
    form.dispatchEvent(new Event("input", { bubbles: true }));
    clearTimeout(pending);
    pending = null;
    buttons();
  }
  document.getElementById("undo").addEventListener("click", () => restore(-1));
  document.getElementById("redo").addEventListener("click", () => restore(+1));
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); restore(-1); }
    else if (key === "y" || (key === "z" && event.shiftKey)) { event.preventDefault(); restore(+1); }
  });

  // ---- unsaved edits --------------------------------------------------------------------
  let leaving = false;
  window.addEventListener("beforeunload", (event) => {
    if (!leaving && state() !== savedState) {
      event.preventDefault();
      event.returnValue = WORDS.unsaved || "";
    }
  });

  // ---- structure: blocks, sections, attachments, names ----------------------------------
  let serial = 0;
  const fresh = () => `n${Date.now().toString(36)}${(serial += 1)}`;
  function copy(templateId, replacements) {
    let html = document.getElementById(templateId).innerHTML;
    for (const [token, value] of Object.entries(replacements)) html = html.split(token).join(value);
    const holder = document.createElement("div");
    holder.innerHTML = html.trim();
    return holder.firstElementChild;
  }
  // where the checks place a finding about a section of the office's own: its place in the list
  function renumber() {
    document.querySelectorAll("#sections > .report-section").forEach((section, index) => {
      const blocks = section.querySelector(":scope > .blocks");
      if (blocks && blocks.dataset.name.startsWith("own.")) blocks.dataset.section = `report.sections.${index}.content`;
    });
  }
  function move(element, up) {
    const sibling = up ? element.previousElementSibling : element.nextElementSibling;
    if (!sibling || !sibling.matches(".block, .report-section, .attachment")) return false;
    if (up) sibling.before(element); else sibling.after(element);
    return true;
  }

  document.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target || !form.contains(target) && !target.matches(".add-section")) return;
    const block = target.closest(".block");
    const section = target.closest(".report-section, .attachment");
    const names = target.closest(".names");
    if (target.matches("[data-add-block]")) {
      const list = target.previousElementSibling;
      list.append(copy(`new-block-${target.dataset.kinds}`, { SECTION: target.dataset.addBlock }));
      list.lastElementChild.querySelector("textarea").focus();
    } else if (target.matches(".block .remove")) {
      block.remove();
    } else if (target.matches(".block .move-up, .block .move-down")) {
      if (!move(block, target.matches(".move-up"))) return;
    } else if (target.matches(".add-section")) {
      const id = `own-${fresh()}`;
      const added = copy(document.getElementById("new-section") ? "new-section" : "new-attachment", { NEWID: id });
      document.getElementById("sections").append(added);
      added.querySelector(".section-title").focus();
    } else if (target.matches(".section-up, .section-down")) {
      if (!move(section, target.matches(".section-up"))) return;
    } else if (target.matches(".section-remove")) {
      section.remove();
    } else if (target.matches(".add-name")) {
      const added = copy("new-name", { NAME: names.dataset.names });
      added.querySelector("input").setAttribute("aria-label", target.dataset.label);
      names.querySelector(".name-list").append(added);
      added.querySelector("input").focus();
    } else if (target.matches(".remove-name")) {
      target.closest(".name").remove();
    } else {
      return;
    }
    edited();
  });
  form.addEventListener("change", (event) => {
    if (event.target.id === "cover-on") {
      document.getElementById("cover").disabled = !event.target.checked;
    }
  });
  // a label printed in several cells is one label: each of its cells says the same
  form.addEventListener("input", (event) => {
    const label = event.target.closest("textarea.label");
    if (!label) return;
    form.querySelectorAll(`textarea.label[name="${CSS.escape(label.name)}"]`).forEach((same) => {
      if (same !== label) same.value = label.value;
      same.closest("th").classList.toggle("reworded", label.value.trim() !== label.dataset.standard);
    });
  });

  // ---- the checks' answer: the sections' numbers as compose gives them; a stale message --
  // (watched, not hooked into htmx, so it holds however the live check puts its answer there)
  new MutationObserver(() => {
    const numbers = [...document.querySelectorAll("#findings [data-section-number]")].map((n) => n.dataset.sectionNumber);
    document.querySelectorAll("#sections > .report-section .number").forEach((number, index) => {
      if (numbers[index] !== undefined) number.textContent = numbers[index];
    });
    if (document.querySelector("#findings .summary.ok")) {     // a refusal for the checks' errors, now gone
      document.querySelectorAll("#status .message.checks").forEach((line) => line.remove());
    }
  }).observe(document.getElementById("findings"), { childList: true });

  // ---- requests the page makes itself: save, downloads, uploads -------------------------
  async function post(url, body, headers = {}) {
    try {
      return await fetch(url, { method: "POST", body, headers: { "HX-Request": "true", ...headers } });
    } catch (error) {
      setStatus(`<p class="message error">${WORDS.offline}</p>`);
      return null;
    }
  }
  function fileName(disposition) {
    const match = /filename\*=UTF-8''([^;]+)/.exec(disposition || "");
    return match ? decodeURIComponent(match[1]) : "download";
  }

  const changedPanel = document.getElementById("changed");
  let saving = false;
  document.getElementById("save").addEventListener("click", async () => {
    if (pending !== null) record();
    setStatus("");
    const sent = state();
    saving = true;
    const response = await post(document.getElementById("save").dataset.save, new FormData(form),
      { "X-Gongwen-Version": form.dataset.version });
    saving = false;
    if (!response) return;
    setStatus(await response.text());
    if (response.ok) {
      form.dataset.version = response.headers.get("X-Gongwen-Version");
      savedState = sent;
      changedPanel.hidden = true;
    } else if (response.status === 409) {
      changedPanel.hidden = false;
    }
  });

  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.download");
    if (!button) return;
    button.closest("details").open = false;
    const url = new URL(button.dataset.download, location.href);
    if (document.getElementById("sealed")?.checked) url.searchParams.set("sealed", "true");
    busy(true);
    const response = await post(url, new FormData(form));
    busy(false);
    if (!response) return;
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok || type.startsWith("text/html")) { setStatus(await response.text()); return; }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = fileName(response.headers.get("Content-Disposition"));
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    setStatus("");
  });

  document.querySelectorAll("form.upload").forEach((upload) => upload.addEventListener("submit", async (event) => {
    event.preventDefault();
    busy(true);
    const response = await post(upload.dataset.upload, new FormData(upload));
    busy(false);
    if (!response) return;
    setStatus(await response.text());
    if (response.ok && upload.dataset.upload === "/seal") document.getElementById("sealed").disabled = false;
  }));

  // ---- the file changed on disk: another tab saved it, or an editor -----------------------
  changedPanel.querySelector(".reload").addEventListener("click", () => { leaving = true; location.reload(); });
  async function compareVersions() {
    if (saving) return;
    try {
      const response = await fetch(`/edit/${encodeURIComponent(form.dataset.name)}/version`);
      const onDisk = await response.text();
      if (response.ok && !saving && onDisk !== form.dataset.version) changedPanel.hidden = false;
    } catch (error) { /* the server is gone: the next request says so */ }
  }
  setInterval(compareVersions, VERSION_POLL_MS);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) compareVersions(); });

  buttons();
})();
