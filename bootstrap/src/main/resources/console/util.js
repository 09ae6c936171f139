// Small helpers shared by the console's modules: element lookup and creation, money and local time.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === "onclick") node.addEventListener("click", v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  });
  children.forEach((c) => node.append(c));
  return node;
}

export const won = (n) => Number(n).toLocaleString("ko-KR") + " KRW";

export const newKey = () => (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
  : "k-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);

/** "pending_acceptance" as a person reads it (and as it may wrap on a narrow screen). */
export const statusLabel = (status) => status.replace(/_/g, " ");

const pad = (n) => String(n).padStart(2, "0");

/** The API speaks UTC; people read their own clock: "2026-12-01 21:05:09" in the browser's zone. */
export function localTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate())
    + " " + pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
}

/** A <time> showing local time, keeping the UTC instant in its datetime attribute and tooltip. */
export const timeEl = (iso) => el("time", { datetime: iso, title: iso + " (UTC)", text: localTime(iso) });

export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
