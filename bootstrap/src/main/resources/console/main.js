// QuickEats console: a client of the public v2 API and nothing else. This module signs people in and
// out and wires the screens together; `refresh()` is the one entry point for "something changed".

import { $, el, timeZone } from "./util.js";
import { session, Problem, showProblem, clearProblem, guarded, notify } from "./api.js";
import { forgetMenus } from "./restaurants.js";
import { loadOrderForm, wireOrderForm } from "./new-order.js";
import { wireOrderList, resetList, refreshList, clearList, markOpen, updateRow } from "./order-list.js";
import { wireOrderDetail, openOrder, showOrder, refreshOpenOrder, closeOrder, shownOrder } from "./order-detail.js";
import { loadManagement, wireManagement } from "./manage.js";
import { goLive, stopLive } from "./live.js";

/** Brings the list and the open order up to date: the Refresh gesture, and a live feed that may have missed events. */
export async function refresh() {
  await Promise.all([refreshList(), refreshOpenOrder()]);
}

// Contract §3: a rider reads the orders they carry and every order awaiting pickup. The feed also tells a rider
// when another rider takes one away: that order leaves the rider's screen.
const stillVisible = (order) => session.role !== "rider" || order.rider_id === session.sub
  || order.status === "ready_for_pickup";

/**
 * One event from the live feed. The order's row changes in place from the event's order; an order new to the
 * list, or leaving it, reloads the list. The open order is fetched again when the event is newer than what the
 * panel shows, because its ETag (for the next action) and its history come only with a GET.
 */
function applyLive(type, event) {
  const order = event.order;
  if (!order || !stillVisible(order) || !updateRow(order)) reloadSoon(refreshList);
  const open = shownOrder();
  if (open && open.id === event.order_id && event.version > open.version) reloadSoon(refreshOpenOrder);
}

const reloading = new Map(); // a reload in flight -> whether another event asked for it meanwhile

/** Runs `load` now, or once more after the one in flight: a burst of events costs two requests, not one each. */
function reloadSoon(load) {
  if (reloading.has(load)) {
    reloading.set(load, true);
    return;
  }
  reloading.set(load, false);
  (async () => {
    do {
      reloading.set(load, false);
      await load();
    } while (reloading.get(load));
  })().catch(() => {
    // the screen stays as it was; the next event, or the Refresh button, tries again
  }).finally(() => reloading.delete(load));
}

function claimsOf(token) {
  const part = token.split(".")[1];
  if (!part) throw new Error("not a JWT");
  const json = decodeURIComponent(atob(part.replace(/-/g, "+").replace(/_/g, "/")).split("")
    .map((c) => "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2)).join(""));
  return JSON.parse(json);
}

let signIns = 0; // the page is busy until the latest sign-in has loaded what its user sees

/** Switching role keeps the open order open, seen as the new user sees it (or closed if they may not). */
async function signIn(token) {
  let claims;
  try {
    claims = claimsOf(token.trim());
  } catch (e) {
    showProblem(new Problem(400, { title: "That is not a bearer token", detail: "Paste a JWT: three base64url parts separated by dots." }));
    return;
  }
  Object.assign(session, { token: token.trim(), sub: claims.sub, role: claims.role });
  $("whoami").textContent = claims.sub + " (" + claims.role + ")";
  $("sign-out").hidden = false;
  $("orders").hidden = false;
  $("new-order").hidden = session.role !== "customer";
  $("conflict").hidden = true;
  notify("");
  forgetMenus();
  clearList();
  const mine = ++signIns;
  $("main").setAttribute("aria-busy", "true");
  await goLive(applyLive, () => reloadSoon(refresh)); // subscribed first, so no change falls between load and feed
  if (mine !== signIns) return;
  await guarded(async () => {
    await Promise.all([
      session.role === "customer" ? loadOrderForm() : null,
      loadManagement(),
      resetList(),
      refreshOpenOrder(),
    ]);
  });
  if (mine === signIns) $("main").setAttribute("aria-busy", "false");
}

function signOut() {
  stopLive();
  Object.assign(session, { token: null, sub: null, role: null });
  signIns++;
  $("main").setAttribute("aria-busy", "false");
  $("whoami").textContent = "not signed in";
  $("sign-out").hidden = true;
  ["orders", "new-order", "manage"].forEach((id) => { $(id).hidden = true; });
  $("token-input").value = "";
  $("status-filter").value = "";
  clearList();
  closeOrder();
  clearProblem();
  notify("Signed out.");
}

async function loadDemoUsers() {
  try {
    const response = await fetch("/console/demo-users");
    if (!response.ok) throw new Error("no demo users");
    const users = await response.json();
    $("demo-users").replaceChildren(...users.map((u) => el("button", {
      id: "as-" + u.sub, "data-role": u.role, class: "secondary",
      onclick: () => signIn(u.token), text: u.label + " — " + u.sub,
    })));
  } catch (e) {
    $("demo-hint").hidden = false;
  }
}

$("token-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  signIn($("token-input").value);
});
$("sign-out").addEventListener("click", signOut);
$("timezone").textContent = timeZone();
wireOrderForm(async (order, etag) => {
  await refreshList();
  await showOrder(order, etag);
});
wireOrderList((id) => openOrder(id));
wireOrderDetail(markOpen);
wireManagement();
window.quickeatsConsole = { refresh: () => guarded(refresh) };
loadDemoUsers();
