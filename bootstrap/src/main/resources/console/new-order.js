// A customer's order form: pick a restaurant, set quantities, place the order once per click.

import { $, el, won, newKey } from "./util.js";
import { API, api, guarded } from "./api.js";
import { listRestaurants, restaurant } from "./restaurants.js";

let draftKey = null; // Idempotency-Key of the order being placed; kept until it succeeds

export async function loadOrderForm() {
  const list = await listRestaurants();
  const select = $("restaurant-select");
  const chosen = select.value;
  select.replaceChildren(...list.map((r) => el("option", { value: r.id, text: r.name })));
  if (list.some((r) => String(r.id) === chosen)) select.value = chosen;
  if (list.length) await showMenu(select.value, true);
}

async function showMenu(id, fresh) {
  const r = await restaurant(id, fresh);
  if ($("restaurant-select").value !== String(r.id)) return; // another restaurant was picked meanwhile
  $("menu").dataset.restaurant = r.id;
  const body = $("menu").querySelector("tbody");
  body.replaceChildren();
  (r.menu || []).forEach((item) => {
    const qty = el("input", { type: "number", min: "0", max: "99", value: "0", class: "qty",
      "data-item": item.id, "data-price": item.price, "aria-label": "quantity of " + item.name });
    if (!item.available) qty.disabled = true;
    qty.addEventListener("input", updateDraftTotal);
    body.append(el("tr", { "data-item": item.id, class: item.available ? "" : "withdrawn" },
      el("td", { text: item.name + (item.available ? "" : " (sold out)") }),
      el("td", { class: "money", text: won(item.price) }), el("td", {}, qty)));
  });
  updateDraftTotal();
}

function draftItems() {
  return [...$("menu").querySelectorAll("input.qty")]
    .map((q) => ({ menu_item_id: Number(q.dataset.item), quantity: Number(q.value), price: Number(q.dataset.price) }))
    .filter((i) => i.quantity > 0);
}

function updateDraftTotal() {
  draftKey = null; // a changed draft is a different request: it needs its own key
  $("draft-total").textContent = draftItems().reduce((s, i) => s + i.price * i.quantity, 0).toLocaleString("ko-KR");
}

/** `placed(order, etag)` is called once the service has the order. */
export function wireOrderForm(placed) {
  $("restaurant-select").addEventListener("change", (ev) => guarded(() => showMenu(ev.target.value, true)));
  $("address-input").addEventListener("input", () => { draftKey = null; });
  $("place-order").addEventListener("click", () => guarded(async () => {
    draftKey = draftKey || newKey();
    const body = {
      restaurant_id: Number($("restaurant-select").value),
      items: draftItems().map(({ menu_item_id, quantity }) => ({ menu_item_id, quantity })),
      delivery_address: $("address-input").value,
    };
    const result = await api("POST", API + "/orders", { body, headers: { "Idempotency-Key": draftKey } });
    draftKey = null;
    await placed(result.data, result.etag);
  }));
}
