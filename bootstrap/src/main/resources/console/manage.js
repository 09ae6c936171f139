// Running the catalogue (contract §3): an admin registers restaurants, naming their owner; an owner
// adds dishes to their own menus and withdraws a dish (or puts it back) when it runs out.

import { $, el, won, newKey } from "./util.js";
import { API, api, session, guarded, notify } from "./api.js";
import { listRestaurants, restaurant, forgetMenus } from "./restaurants.js";

const keys = { restaurant: null, item: null }; // Idempotency-Keys of the forms, until they succeed

export async function loadManagement() {
  const admin = session.role === "admin";
  const owner = session.role === "restaurant_owner";
  $("manage").hidden = !admin && !owner;
  $("register-restaurant").hidden = !admin;
  $("restaurant-table").hidden = !admin;
  $("menu-admin").hidden = !owner;
  $("manage-title").textContent = admin ? "Restaurants" : "Your menus";
  if (!admin && !owner) return;
  const list = await listRestaurants();
  if (admin) {
    $("restaurant-table").querySelector("tbody").replaceChildren(...list.map((r) => el("tr", { "data-restaurant": r.id },
      el("td", { text: String(r.id) }), el("td", { text: r.name }), el("td", { text: r.owner_id }))));
  } else {
    const mine = list.filter((r) => r.owner_id === session.sub);
    const select = $("manage-restaurant");
    const chosen = select.value;
    select.replaceChildren(...mine.map((r) => el("option", { value: r.id, text: r.name })));
    if (mine.some((r) => String(r.id) === chosen)) select.value = chosen;
    $("no-restaurant").hidden = mine.length > 0;
    $("menu-editor").hidden = mine.length === 0;
    if (mine.length) await showMenuEditor();
  }
}

async function showMenuEditor() {
  const r = await restaurant($("manage-restaurant").value, true);
  $("menu-items").querySelector("tbody").replaceChildren(...(r.menu || []).map((item) => el("tr",
    { "data-item": item.id, class: item.available ? "" : "withdrawn" },
    el("td", { text: item.name }), el("td", { class: "money", text: won(item.price) }),
    el("td", { class: "availability", text: item.available ? "on the menu" : "withdrawn" }),
    el("td", {}, item.available
      ? el("button", { id: "withdraw-" + item.id, class: "small secondary", text: "Withdraw",
        onclick: () => guarded(() => setAvailable(r, item, false)) })
      : el("button", { id: "restore-" + item.id, class: "small secondary", text: "Put back",
        onclick: () => guarded(() => setAvailable(r, item, true)) })))));
}

async function setAvailable(r, item, available) {
  await api("PATCH", API + "/restaurants/" + r.id + "/menu-items/" + item.id, { body: { available } });
  forgetMenus();
  notify(item.name + (available ? " is back on the menu of " : " is withdrawn from the menu of ") + r.name + ".");
  await showMenuEditor();
}

export function wireManagement() {
  $("manage-restaurant").addEventListener("change", () => guarded(showMenuEditor));
  ["restaurant-name", "restaurant-owner"].forEach((id) => $(id).addEventListener("input", () => { keys.restaurant = null; }));
  ["item-name", "item-price"].forEach((id) => $(id).addEventListener("input", () => { keys.item = null; }));

  $("register-restaurant").addEventListener("submit", (ev) => {
    ev.preventDefault();
    guarded(async () => {
      keys.restaurant = keys.restaurant || newKey();
      const body = { name: $("restaurant-name").value, owner_id: $("restaurant-owner").value };
      const { data } = await api("POST", API + "/restaurants", { body, headers: { "Idempotency-Key": keys.restaurant } });
      keys.restaurant = null;
      $("restaurant-name").value = "";
      notify("Registered " + data.name + " (#" + data.id + ") for " + data.owner_id + ".");
      await loadManagement();
    });
  });

  $("add-item").addEventListener("submit", (ev) => {
    ev.preventDefault();
    guarded(async () => {
      keys.item = keys.item || newKey();
      const id = $("manage-restaurant").value;
      const body = { name: $("item-name").value, price: $("item-price").value === "" ? null : Number($("item-price").value) };
      const { data } = await api("POST", API + "/restaurants/" + id + "/menu-items",
        { body, headers: { "Idempotency-Key": keys.item } });
      keys.item = null;
      $("item-name").value = "";
      $("item-price").value = "";
      forgetMenus();
      notify("Added " + data.name + " at " + won(data.price) + ".");
      await showMenuEditor();
    });
  });
}
