// Writes N synthetic articles (generated text, no real events) into DIR: stories of about 40
// articles each, told by 30 invented outlets over ten days, with a toll that grows, an injured
// count that sometimes disagrees, and a sum of money. Usage: node synthetic.js DIR [N]
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
const n = Number(process.argv[3] || 10000);
if (!dir) { console.error("usage: node synthetic.js DIR [N]"); process.exit(2); }
fs.mkdirSync(dir, { recursive: true });

// a small deterministic generator, so every run writes the same articles
let seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
function pick(a) { return a[Math.floor(rnd() * a.length)]; }

const syll = ["ka", "lo", "mer", "vin", "tas", "dor", "el", "shu", "rin", "pa", "zo", "bre", "ny", "gal", "tor", "wen"];
function word(k) { let w = ""; for (let i = 0; i < k; i++) w += pick(syll); return w; }
function cap(w) { return w[0].toUpperCase() + w.slice(1); }

const outlets = Array.from({ length: 30 }, (_, i) => `${cap(word(2))} ${pick(["Herald", "Post", "Courier", "Wire", "Times", "Ledger"])} ${i}`);
const events = ["flood", "fire", "landslide", "storm", "explosion", "collapse"];
const perStory = 40;
const stories = Math.ceil(n / perStory);
const start = Date.UTC(2024, 0, 1);

let written = 0;
for (let s = 0; s < stories && written < n; s++) {
  // each story has its own invented words, so that stories share few words but the
  // figures' own (as real stories do)
  const town = cap(word(3));
  const valley = cap(word(2));
  const event = pick(events);
  const org = word(3);
  const vocab = Array.from({ length: 14 }, () => word(3));
  const official = `${cap(word(2))} ${cap(word(3))}`;
  // stories further apart than the comparison window (21 days), as the matcher needs
  // for articles that share the template words of every toll
  const day0 = start + s * 25 * 86400000;
  const base = 20 + Math.floor(rnd() * 200);
  const money = (1 + Math.floor(rnd() * 90)) / 10;
  for (let k = 0; k < perStory && written < n; k++) {
    const d = Math.floor(k / 4);
    const date = new Date(day0 + d * 86400000).toISOString().slice(0, 10);
    const outlet = pick(outlets);
    const toll = base + d * Math.floor(base / 5);
    const tollText = rnd() < 0.25 ? `at least ${toll}` : `${toll}`;
    const injured = 3 * base + (rnd() < 0.1 ? 17 : 0);
    const filler = () => Array.from({ length: 7 }, () => pick(vocab)).join(" ");
    const text = `---
title: ${cap(event)} in ${town} kills ${toll}
date: ${date}
outlet: ${outlet}
---

The ${event} in ${town} has killed ${tollText} people, ${official} said.

${cap(filler())} ${town} ${filler()}.

In ${town}, ${injured} people were injured, the ${valley} ${org} said.

${cap(filler())} ${valley} ${filler()}.

${town} ${vocab[0]} set aside ${money} million dollars, ${official} said.
`;
    fs.writeFileSync(path.join(dir, `story${String(s).padStart(4, "0")}-${String(k).padStart(2, "0")}.md`), text);
    written++;
  }
}
console.log(`${written} articles in ${stories} stories written to ${dir}`);
