// QuickEats console: a client of the public v2 API and nothing else. Every action sends the order's
// current ETag as If-Match and an Idempotency-Key that is reused when the same click is retried.
(function () {
  "use strict";

  const API = "/api/v2";
  const state = {
    token: null, sub: null, role: null,
    restaurants: new Map(),      // id -> restaurant (with menu once loaded)
    draftKey: null,              // Idempotency-Key of the order being placed; kept until it succeeds
    cursor: null,
    order: null, etag: null,
    pendingKeys: new Map(),      // "orderId action etag" -> Idempotency-Key, until the click has an answer
  };

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "onclick") node.addEventListener("click", v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    });
    children.forEach((c) => node.append(c));
    return node;
  };
  const won = (n) => Number(n).toLocaleString("ko-KR") + " KRW";
  const newKey = () => (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
    : "k-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);

  class Problem extends Error {
    constructor(status, body) {
      super((body && body.title) || ("HTTP " + status));
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, options) {
    const opts = options || {};
    const headers = Object.assign({ "Accept": "application/json" }, opts.headers || {});
    if (state.token) headers["Authorization"] = "Bearer " + state.token;
    let body;
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const response = await fetch(path, { method, headers, body });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : null;
    if (!response.ok) throw new Problem(response.status, data);
    return { data, etag: response.headers.get("ETag"), status: response.status,
      replayed: response.headers.get("Idempotent-Replayed") === "true" };
  }

  function showProblem(error) {
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

  function clearProblem() {
    $("problem").hidden = true;
  }

  async function guarded(work) {
    clearProblem();
    try {
      await work();
    } catch (e) {
      showProblem(e);
    }
  }

  // --- identity -------------------------------------------------------------------------------

  function claimsOf(token) {
    const part = token.split(".")[1];
    if (!part) throw new Error("not a JWT");
    const json = decodeURIComponent(atob(part.replace(/-/g, "+").replace(/_/g, "/")).split("")
      .map((c) => "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2)).join(""));
    return JSON.parse(json);
  }

  async function signIn(token) {
    let claims;
    try {
      claims = claimsOf(token.trim());
    } catch (e) {
      showProblem(new Problem(400, { title: "That is not a bearer token", detail: "Paste a JWT: three base64url parts separated by dots." }));
      return;
    }
    state.token = token.trim();
    state.sub = claims.sub;
    state.role = claims.role;
    state.order = null;
    $("whoami").textContent = claims.sub + " (" + claims.role + ")";
    $("order-detail").hidden = true;
    $("orders").hidden = false;
    $("new-order").hidden = state.role !== "customer";
    await guarded(async () => {
      await loadRestaurants();
      await loadOrders(true);
    });
  }

  async function loadDemoUsers() {
    try {
      const response = await fetch("/console/demo-users");
      if (!response.ok) throw new Error("no demo users");
      const users = await response.json();
      const box = $("demo-users");
      users.forEach((u) => box.append(el("button", {
        id: "as-" + u.sub, "data-role": u.role, class: "secondary",
        onclick: () => signIn(u.token), text: u.label + " — " + u.sub,
      })));
    } catch (e) {
      $("demo-hint").hidden = false;
    }
  }

  // --- restaurants and new orders ----------------------------------------------------------------

  async function loadRestaurants() {
    const { data } = await api("GET", API + "/restaurants");
    const list = Array.isArray(data) ? data : (data.results || []);
    const select = $("restaurant-select");
    select.replaceChildren();
    list.forEach((r) => {
      state.restaurants.set(r.id, Object.assign(state.restaurants.get(r.id) || {}, r));
      select.append(el("option", { value: r.id, text: r.name }));
    });
    if (list.length) await showMenu(list[0].id);
  }

  async function restaurant(id) {
    const known = state.restaurants.get(id);
    if (known && known.menu) return known;
    const { data } = await api("GET", API + "/restaurants/" + id);
    state.restaurants.set(id, data);
    return data;
  }

  async function showMenu(id) {
    const r = await restaurant(Number(id));
    const body = $("menu").querySelector("tbody");
    body.replaceChildren();
    (r.menu || []).forEach((item) => {
      const qty = el("input", { type: "number", min: "0", max: "99", value: "0", class: "qty",
        "data-item": item.id, "data-price": item.price, "aria-label": "quantity of " + item.name });
      if (!item.available) qty.disabled = true;
      qty.addEventListener("input", updateDraftTotal);
      body.append(el("tr", {}, el("td", { text: item.name + (item.available ? "" : " (sold out)") }),
        el("td", { text: won(item.price) }), el("td", {}, qty)));
    });
    state.draftKey = null;
    updateDraftTotal();
  }

  function draftItems() {
    return [...$("menu").querySelectorAll("input.qty")]
      .map((q) => ({ menu_item_id: Number(q.dataset.item), quantity: Number(q.value), price: Number(q.dataset.price) }))
      .filter((i) => i.quantity > 0);
  }

  function updateDraftTotal() {
    state.draftKey = null; // a changed draft is a different request: it needs its own key
    $("draft-total").textContent = draftItems().reduce((s, i) => s + i.price * i.quantity, 0).toLocaleString("ko-KR");
  }

  async function placeOrder() {
    await guarded(async () => {
      state.draftKey = state.draftKey || newKey();
      const body = {
        restaurant_id: Number($("restaurant-select").value),
        items: draftItems().map(({ menu_item_id, quantity }) => ({ menu_item_id, quantity })),
        delivery_address: $("address-input").value,
      };
      const result = await api("POST", API + "/orders", { body, headers: { "Idempotency-Key": state.draftKey } });
      state.draftKey = null;
      await loadOrders(true);
      showOrder(result.data, result.etag);
    });
  }

  // --- orders ------------------------------------------------------------------------------------

  async function loadOrders(fromStart) {
    if (fromStart) {
      state.cursor = null;
      $("order-list").querySelector("tbody").replaceChildren();
    }
    const query = new URLSearchParams({ limit: "10" });
    if (state.cursor) query.set("cursor", state.cursor);
    const { data } = await api("GET", API + "/orders?" + query);
    const names = new Map((data.included && data.included.restaurants || []).map((r) => [r.id, r.name]));
    const body = $("order-list").querySelector("tbody");
    data.results.forEach((o) => {
      const row = el("tr", { class: "clickable", "data-order": o.id, onclick: () => guarded(() => openOrder(o.id)) },
        el("td", { text: String(o.id) }), el("td", { text: names.get(o.restaurant_id) || String(o.restaurant_id) }),
        el("td", { class: "status", text: o.status }), el("td", { text: won(o.total_amount) }),
        el("td", { text: new Date(o.created_at).toLocaleString() }));
      body.append(row);
    });
    state.cursor = data.next_cursor;
    $("load-more").hidden = !state.cursor;
  }

  async function openOrder(id) {
    const { data, etag } = await api("GET", API + "/orders/" + id);
    await showOrder(data, etag);
    $("order-detail").scrollIntoView({ block: "start" });
  }

  async function showOrder(order, etag) {
    state.order = order;
    state.etag = etag;
    $("order-detail").hidden = false;
    $("order-id").textContent = "#" + order.id;
    $("order-status").textContent = order.status;
    $("order-version").textContent = String(order.version);
    $("order-etag").textContent = etag || "";
    $("order-customer").textContent = order.customer_id;
    $("order-rider").textContent = order.rider_id || "—";
    $("order-total").textContent = won(order.total_amount);
    $("order-address").textContent = order.delivery_address;
    $("order-payment").textContent = order.payment
      ? order.payment.method + ", " + won(order.payment.amount) + ", " + order.payment.paid_at : "—";
    $("order-cancellation").textContent = order.cancellation
      ? "by " + order.cancellation.cancelled_by + (order.cancellation.reason ? " (" + order.cancellation.reason + ")" : "")
        + (order.cancellation.refund_due ? ", refund due" : ", no refund due") : "—";
    const lines = $("order-lines").querySelector("tbody");
    lines.replaceChildren(...order.items.map((l) => el("tr", {}, el("td", { text: l.name }),
      el("td", { text: won(l.unit_price) }), el("td", { text: String(l.quantity) }), el("td", { text: won(l.line_total) }))));
    document.querySelectorAll("#order-list tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.order === String(order.id)));
    const row = document.querySelector('#order-list tr[data-order="' + order.id + '"] td.status');
    if (row) row.textContent = order.status;
    let owner = null;
    try {
      const r = await restaurant(order.restaurant_id);
      owner = r.owner_id;
      $("order-restaurant").textContent = r.name;
    } catch (e) {
      $("order-restaurant").textContent = String(order.restaurant_id);
    }
    renderActions(order, owner);
    await loadHistory(order.id);
  }

  // Mirrors the contract's §3: which of the order's allowed actions this caller may take.
  function mayTake(action, order, owner) {
    const me = state.sub;
    switch (action) {
      case "payment": return state.role === "customer" && order.customer_id === me;
      case "acceptance":
      case "preparation-complete": return state.role === "restaurant_owner" && owner === me;
      case "pickup": return state.role === "rider";
      case "delivery": return state.role === "rider" && order.rider_id === me;
      case "cancellation":
        return (state.role === "customer" && order.customer_id === me)
          || (state.role === "restaurant_owner" && owner === me && order.status === "pending_acceptance");
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

  async function takeAction(action, etagOverride) {
    const order = state.order;
    const etag = etagOverride || state.etag;
    const slot = order.id + " " + action + " " + etag;
    const key = state.pendingKeys.get(slot) || newKey();
    state.pendingKeys.set(slot, key);
    let body;
    if (action === "payment") body = { payment_method: $("payment-method").value, amount: order.total_amount };
    if (action === "cancellation") body = $("cancel-reason").value ? { reason: $("cancel-reason").value } : {};
    clearProblem();
    $("conflict").hidden = true;
    try {
      const result = await api("POST", API + "/orders/" + order.id + "/" + action,
        { body, headers: { "If-Match": etag, "Idempotency-Key": key } });
      state.pendingKeys.delete(slot);
      await showOrder(result.data, result.etag);
    } catch (e) {
      const retrySameRequest = !(e instanceof Problem) || e.status >= 500
        || e.body.type === "/problems/request-in-progress";
      if (!retrySameRequest) state.pendingKeys.delete(slot); // a definitive answer: the next click is a new request
      if (e instanceof Problem && e.status === 412) {
        await showConflict(action, e);
      } else {
        showProblem(e);
      }
    }
  }

  async function showConflict(action, problem) {
    await openOrder(state.order.id);
    $("conflict-detail").textContent = " Someone else acted on it first: it is now " + state.order.status
      + " at version " + state.order.version + " (you had " + (problem.body.current_version ? "an older version" : "a stale copy") + ").";
    const retry = $("conflict-retry");
    const stillPossible = $("action-" + action) !== null;
    retry.hidden = !stillPossible;
    retry.textContent = "Retry " + action.replace("-", " ") + " on version " + state.order.version;
    retry.onclick = () => takeAction(action);
    $("conflict").hidden = false;
    $("conflict").scrollIntoView({ block: "center" });
  }

  async function loadHistory(id) {
    const { data } = await api("GET", API + "/orders/" + id + "/events");
    const events = Array.isArray(data) ? data : (data.results || []);
    $("history").replaceChildren(...events.map((e) => el("li", {
      text: "v" + e.version + " " + e.type + " by " + e.actor + " at " + e.occurred_at,
    })));
  }

  // --- wiring ------------------------------------------------------------------------------------

  $("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    signIn($("token-input").value);
  });
  $("restaurant-select").addEventListener("change", (ev) => guarded(() => showMenu(ev.target.value)));
  $("address-input").addEventListener("input", () => { state.draftKey = null; });
  $("place-order").addEventListener("click", placeOrder);
  $("load-more").addEventListener("click", () => guarded(() => loadOrders(false)));
  $("refresh-orders").addEventListener("click", () => guarded(() => loadOrders(true)));
  $("conflict-dismiss").addEventListener("click", () => { $("conflict").hidden = true; });
  loadDemoUsers();
})();
