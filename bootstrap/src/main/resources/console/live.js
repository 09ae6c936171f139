// The live feed (contract §9, docs/events.md): the console follows GET /api/v2/orders/stream so that the list and
// the open order change on screen as orders change anywhere, for whoever is signed in. EventSource cannot send
// the bearer token in a header, so the stream is read with fetch and parsed here.

import { $ } from "./util.js";
import { API, session } from "./api.js";

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
const FIRST_ANSWER_MS = 3000; // a sign-in waits this long at most for the stream before loading without it

let subscription = null; // the one live subscription; a role switch or sign-out abandons it

/**
 * Subscribes as whoever is signed in now, ending any earlier subscription. `onEvent(type, data)` hears every
 * event; `onGap()` is called when events may have been missed (a reconnection that could not resume), so that
 * the screen reloads what it shows. Resolves once the service has answered the first connection (or gave no
 * answer in time): what the caller loads after that cannot miss a change the stream will not report.
 */
export function goLive(onEvent, onGap) {
  stopLive();
  const sub = { controller: new AbortController(), token: session.token, lastId: null, onEvent, onGap };
  subscription = sub;
  return new Promise((answered) => {
    setTimeout(answered, FIRST_ANSWER_MS);
    follow(sub, answered);
  });
}

/** Ends the subscription (sign-out): its stream is closed and nothing it still receives is applied. */
export function stopLive() {
  if (subscription) subscription.controller.abort();
  subscription = null;
  indicate("off");
}

const current = (sub) => subscription === sub;

async function follow(sub, answered) {
  let retryMs = FIRST_RETRY_MS;
  let first = true;
  let missed = false; // set when the next connection cannot pick up where the last one ended
  while (current(sub)) {
    indicate("connecting");
    let opened = false;
    try {
      const headers = { "Accept": "text/event-stream", "Authorization": "Bearer " + sub.token };
      if (sub.lastId) headers["Last-Event-ID"] = sub.lastId;
      const response = await fetch(API + "/orders/stream", { headers, signal: sub.controller.signal, cache: "no-store" });
      if (response.status === 400 && sub.lastId) {
        // The resume point is gone (purged, or issued before a secret change): start afresh and reload.
        sub.lastId = null;
        missed = true;
        continue;
      }
      if (response.status === 401) {
        indicate("offline", "offline: the token was refused, sign in again");
        answered();
        return;
      }
      if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
      opened = true;
      retryMs = FIRST_RETRY_MS;
      indicate("live");
      if ((missed || !first) && !sub.lastId) sub.onGap();
      missed = false;
      first = false;
      answered();
      await read(response.body, sub);
    } catch (e) {
      if (!current(sub)) {
        answered();
        return;
      }
    }
    answered();
    if (!current(sub)) return;
    if (!opened || !sub.lastId) missed = true;
    indicate("offline", "offline: reconnecting");
    await pause(retryMs, sub.controller.signal);
    retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
  }
}

/** Reads Server-Sent Events until the stream ends: `id`, `event` and `data` fields, blank line ends an event. */
async function read(body, sub) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  let event = { type: "message", data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done || !current(sub)) return;
    const lines = (rest + value).split(/\r\n|\n|\r(?!$)/);
    rest = lines.pop();
    for (const line of lines) {
      if (line === "") {
        if (event.data.length) dispatch(sub, event);
        event = { type: "message", data: [], id: null };
      } else if (!line.startsWith(":")) { // a line starting with ':' is a comment (the keep-alive)
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") event.data.push(text);
        else if (field === "event") event.type = text;
        else if (field === "id") event.id = text;
      }
    }
  }
}

function dispatch(sub, event) {
  if (!current(sub)) return;
  if (event.id) sub.lastId = event.id;
  let data;
  try {
    data = JSON.parse(event.data.join("\n"));
  } catch (e) {
    sub.onGap(); // an event the console cannot read: reload rather than show something stale
    return;
  }
  sub.onEvent(event.type, data);
}

function pause(ms, signal) {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", () => { clearTimeout(timer); done(); }, { once: true });
  });
}

const LABELS = { live: "● live", connecting: "connecting…", offline: "○ offline" };

/** The header's small indicator: whether what the screen shows follows the service right now. */
function indicate(state, title) {
  const badge = $("live");
  badge.hidden = state === "off";
  badge.dataset.state = state;
  badge.textContent = LABELS[state] || "";
  badge.title = title || (state === "live" ? "changes appear as they happen" : "");
}
