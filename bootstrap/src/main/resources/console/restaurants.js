// The restaurant catalogue as the console knows it: names and owners for every screen, menus on demand.

import { API, api } from "./api.js";

const known = new Map(); // id -> restaurant (with `menu` once loaded)

export async function listRestaurants() {
  const { data } = await api("GET", API + "/restaurants");
  const list = Array.isArray(data) ? data : (data.results || []);
  list.forEach((r) => known.set(r.id, Object.assign(known.get(r.id) || {}, r)));
  return list;
}

/** The restaurant with its menu; `fresh` skips the cached menu (after someone changed it). */
export async function restaurant(id, fresh) {
  const cached = known.get(Number(id));
  if (!fresh && cached && cached.menu) return cached;
  const { data } = await api("GET", API + "/restaurants/" + id);
  known.set(data.id, data);
  return data;
}

export function forgetMenus() {
  known.forEach((r) => { delete r.menu; });
}
