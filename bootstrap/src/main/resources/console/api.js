// The public v2 API and nothing else: who is signed in, the request helper, and problem display.

import { $, el } from "./util.js";

export const API = "/api/v2";

/** Who the console acts as. */
export const session = { token: null, sub: null, role: null };

export class Problem extends Error {
  constructor(status, body) {
    super((body && body.title) || ("HTTP " + status));
    this.status = status;
    this.body = body || {};
  }
}

export async function api(method, path, options) {
  const opts = options || {};
  const headers = Object.assign({ "Accept": "application/json" }, opts.headers || {});
  if (session.token) headers["Authorization"] = "Bearer " + session.token;
  let body;
  if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  const response = await fetch(path, { method, headers, body });
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Problem(response.status, data);
  return { data, etag: response.headers.get("ETag"), status: response.status };
}

export function showProblem(error) {
  const box = $("problem");
  box.replaceChildren();
  if (error instanceof Problem) {
    const b = error.body;
    box.append(el("h3", { text: (b.title || "Request failed") + " (" + error.status + ")" }));
    if (b.detail) box.append(el("p", { text: b.detail }));
    if (Array.isArray(b.errors) && b.errors.length) {
      box.append(el("ul", {}, ...b.errors.map((e) => el("li", { text: e.field + ": " + e.message }))));
    }
    if (b.type) box.append(el("a", { href: b.type, target: "_blank", text: "what this means" }));
  } else {
    box.append(el("h3", { text: "The service could not be reached" }), el("p", { text: String(error) }));
  }
  box.hidden = false;
}

export function clearProblem() {
  $("problem").hidden = true;
}

/** Runs one user gesture: its failure shows as a problem instead of vanishing into the console log. */
export async function guarded(work) {
  clearProblem();
  try {
    await work();
  } catch (e) {
    showProblem(e);
  }
}

/** A short, non-error message ("registered …", "order no longer visible …"). */
export function notify(text) {
  $("notice").textContent = text;
  $("notice").hidden = !text;
}
