// The open order: its facts, the actions this caller may take (with If-Match and a per-click
// Idempotency-Key), a 412 turned into "changed meanwhile" with a retry, and its history.

import { $, el, won, newKey, localTime, timeEl } from "./util.js";
import { API, api, session, Problem, clearProblem, showProblem, notify } from "./api.js";
import { restaurant } from "./restaurants.js";

const open = { order: null, etag: null };
const pendingKeys = new Map(); // "orderId action etag" -> Idempotency-Key, until the click has an answer
let shows = 0; // the newest show owns the panel; an older answer arriving late is dropped
let shown = () => {};

/** `onShown(order)` hears every order the panel shows, and null when it closes. */
export function wireOrderDetail(onShown) {
  shown = onShown;
  $("conflict-dismiss").addEventListener("click", () => { $("conflict").hidden = true; });
  $("close-order").addEventListener("click", closeOrder);
}

const openOrderId = () => (open.order ? open.order.id : null);

/** The order the panel shows (as last fetched), or null. */
export const shownOrder = () => open.order;

export async function openOrder(id) {
  const { data, etag } = await api("GET", API + "/orders/" + id);
  $("conflict").hidden = true;
  await showOrder(data, etag);
  $("order-detail").scrollIntoView({ block: "start" });
}

/**
 * Fetches the open order again as whoever is signed in now: what a role switch and a live update call.
 * An order the caller may not see (404) is closed with a note rather than shown as an error.
 */
export async function refreshOpenOrder() {
  const id = openOrderId();
  if (id === null) return;
  try {
    const { data, etag } = await api("GET", API + "/orders/" + id);
    await showOrder(data, etag);
  } catch (e) {
    if (!(e instanceof Problem && e.status === 404)) throw e;
    closeOrder();
    notify("Order #" + id + " is not visible to " + session.sub + " (" + session.role + "), so it was closed.");
  }
}

/** Hides the open order and wipes it from the page, so that the next person at the screen cannot read it. */
export function closeOrder() {
  shows++;
  open.order = null;
  open.etag = null;
  $("order-detail").hidden = true;
  $("conflict").hidden = true;
  ["order-id", "actions", "history"].forEach((id) => $(id).replaceChildren());
  $("order-detail").querySelectorAll("dd, tbody").forEach((node) => node.replaceChildren());
  $("cancel-reason").value = "";
  shown(null);
}

export async function showOrder(order, etag) {
  const mine = ++shows;
  let owner = null;
  let name = String(order.restaurant_id);
  try {
    const r = await restaurant(order.restaurant_id);
    owner = r.owner_id;
    name = r.name;
  } catch (e) {
    // the facts of the order stand without the restaurant's name
  }
  const { data } = await api("GET", API + "/orders/" + order.id + "/events");
  if (mine !== shows) return;
  open.order = order;
  open.etag = etag;
  $("order-detail").hidden = false;
  $("order-id").textContent = "#" + order.id;
  $("order-status").textContent = order.status;
  $("order-version").textContent = String(order.version);
  $("order-etag").textContent = etag || "";
  $("order-restaurant").textContent = name;
  $("order-customer").textContent = order.customer_id;
  $("order-rider").textContent = order.rider_id || "—";
  $("order-total").textContent = won(order.total_amount);
  $("order-address").textContent = order.delivery_address;
  $("order-placed").replaceChildren(timeEl(order.created_at));
  $("order-payment").replaceChildren(...(order.payment
    ? [order.payment.method + ", " + won(order.payment.amount) + ", ", timeEl(order.payment.paid_at)] : ["—"]));
  $("order-cancellation").textContent = order.cancellation
    ? "by " + order.cancellation.cancelled_by + (order.cancellation.reason ? " (" + order.cancellation.reason + ")" : "")
      + (order.cancellation.refund_due ? ", refund due" : ", no refund due")
      + ", " + localTime(order.cancellation.cancelled_at) : "—";
  $("order-lines").querySelector("tbody").replaceChildren(...order.items.map((l) => el("tr", {},
    el("td", { text: l.name }), el("td", { text: won(l.unit_price) }), el("td", { text: String(l.quantity) }),
    el("td", { text: won(l.line_total) }))));
  renderActions(order, owner);
  const events = Array.isArray(data) ? data : (data.results || []);
  $("history").replaceChildren(...events.map((e) => el("li", {},
    "v" + e.version + " " + e.type + " by " + e.actor + " at ", timeEl(e.occurred_at))));
  shown(order);
}

// Mirrors the contract's §3: which of the order's allowed actions this caller may take.
function mayTake(action, order, owner) {
  const me = session.sub;
  switch (action) {
    case "payment": return session.role === "customer" && order.customer_id === me;
    case "acceptance":
    case "preparation-complete": return session.role === "restaurant_owner" && owner === me;
    case "pickup": return session.role === "rider";
    case "delivery": return session.role === "rider" && order.rider_id === me;
    case "cancellation":
      return (session.role === "customer" && order.customer_id === me)
        || (session.role === "restaurant_owner" && owner === me && order.status === "pending_acceptance");
    default: return false;
  }
}

function renderActions(order, owner) {
  const mine = (order.allowed_actions || []).filter((a) => mayTake(a, order, owner));
  $("actions").replaceChildren(...mine.map((a) => el("button", { id: "action-" + a, "data-action": a,
    onclick: () => takeAction(a), text: a.replace("-", " ") })));
  $("payment-options").hidden = !mine.includes("payment");
  $("cancel-options").hidden = !mine.includes("cancellation");
  if (!mine.length) $("actions").append(el("span", { class: "hint", text: "Nothing for you to do on this order right now." }));
}

async function takeAction(action) {
  const order = open.order;
  const slot = order.id + " " + action + " " + open.etag;
  const key = pendingKeys.get(slot) || newKey();
  pendingKeys.set(slot, key);
  let body;
  if (action === "payment") body = { payment_method: $("payment-method").value, amount: order.total_amount };
  if (action === "cancellation") body = $("cancel-reason").value ? { reason: $("cancel-reason").value } : {};
  clearProblem();
  notify("");
  $("conflict").hidden = true;
  try {
    const result = await api("POST", API + "/orders/" + order.id + "/" + action,
      { body, headers: { "If-Match": open.etag, "Idempotency-Key": key } });
    pendingKeys.delete(slot);
    await showOrder(result.data, result.etag);
  } catch (e) {
    const retrySameRequest = !(e instanceof Problem) || e.status >= 500
      || e.body.type === "/problems/request-in-progress";
    if (!retrySameRequest) pendingKeys.delete(slot); // a definitive answer: the next click is a new request
    if (e instanceof Problem && e.status === 412) {
      await showConflict(action, e).catch(showProblem);
    } else {
      showProblem(e);
    }
  }
}

async function showConflict(action, problem) {
  await openOrder(open.order.id);
  $("conflict-detail").textContent = " Someone else acted on it first: it is now " + open.order.status
    + " at version " + open.order.version + " (you had " + (problem.body.current_version ? "an older version" : "a stale copy") + ").";
  const retry = $("conflict-retry");
  retry.hidden = $("action-" + action) === null;
  retry.textContent = "Retry " + action.replace("-", " ") + " on version " + open.order.version;
  retry.onclick = () => takeAction(action);
  $("conflict").hidden = false;
  $("conflict").scrollIntoView({ block: "center" });
}
