// The caller's orders, newest first, narrowed by status; "Load more" follows the service's cursor.

import { $, el, won, timeEl, statusLabel } from "./util.js";
import { API, api, guarded } from "./api.js";

const PAGE = 10;
let cursor = null;
let loads = 0; // the newest load owns the table; an older answer arriving late is dropped
let openId = null;

const rows = () => $("order-list").querySelector("tbody");

/** `open(id)` is called when a row is clicked. */
export function wireOrderList(open) {
  rows().addEventListener("click", (ev) => {
    const row = ev.target.closest("tr[data-order]");
    if (row) guarded(() => open(Number(row.dataset.order)));
  });
  $("status-filter").addEventListener("change", () => guarded(() => resetList()));
  $("load-more").addEventListener("click", () => guarded(() => load(false, PAGE)));
  $("refresh-orders").addEventListener("click", () => guarded(() => refreshList()));
}

/** The first page under the current filter (after sign-in or a new filter). */
export function resetList() {
  return load(true, PAGE);
}

/** Reloads what is on screen, as many rows as are shown now: what a live update calls. */
export function refreshList() {
  return load(true, Math.min(100, Math.max(PAGE, rows().children.length)));
}

export function clearList() {
  loads++;
  cursor = null;
  rows().replaceChildren();
  $("load-more").hidden = true;
  $("orders-empty").hidden = true;
}

/** Keeps the row of the open order in step with it and highlighted. */
export function markOpen(order) {
  openId = order ? String(order.id) : null;
  highlightOpen();
  const row = order && rowOf(order);
  if (row) showStatus(row, order.status);
}

const rowOf = (order) => rows().querySelector('tr[data-order="' + order.id + '"]');

function showStatus(row, status) {
  row.dataset.status = status;
  row.querySelector("td.status").textContent = statusLabel(status);
}

/**
 * A live update: the order's row shows its new status, in place. False when the row is not on screen or the
 * order no longer belongs under the status filter: then only reloading the list puts it right.
 */
export function updateRow(order) {
  const row = rowOf(order);
  const filter = $("status-filter").value;
  if (!row || (filter && order.status !== filter)) return false;
  showStatus(row, order.status);
  return true;
}

function highlightOpen() {
  rows().querySelectorAll("tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.order === openId));
}

async function load(fromStart, limit) {
  const mine = ++loads;
  const query = new URLSearchParams({ limit: String(limit) });
  const status = $("status-filter").value;
  if (status) query.set("status", status);
  if (!fromStart && cursor) query.set("cursor", cursor);
  const { data } = await api("GET", API + "/orders?" + query);
  if (mine !== loads) return;
  const names = new Map((data.included && data.included.restaurants || []).map((r) => [r.id, r.name]));
  const fresh = data.results.map((o) => el("tr", { class: "clickable", "data-order": o.id, "data-status": o.status },
    el("td", { text: String(o.id) }),
    el("td", { text: names.get(o.restaurant_id) || String(o.restaurant_id) }),
    el("td", { class: "status", text: statusLabel(o.status) }),
    el("td", { class: "money", text: won(o.total_amount) }),
    el("td", { class: "created" }, timeEl(o.created_at))));
  if (fromStart) rows().replaceChildren(...fresh);
  else rows().append(...fresh);
  cursor = data.next_cursor;
  $("load-more").hidden = !cursor;
  $("orders-empty").hidden = rows().children.length > 0;
  highlightOpen();
}
