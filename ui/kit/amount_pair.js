// One amount on screen: a range for quick moves beside a box for the exact figure, both
// showing one value. The server (ui/kit/inputs.py) owns that value: each move of the range
// and each entry in the box goes to it as the "entry" state, numbered in order, and its
// answer says the number it has read ("seen") with the value in use and what the box
// shows (a refused entry stays in the box, its message beside the pair). Until the server
// has read the latest entry, the pair keeps what the user did: quick presses are not undone
// by an answer to an earlier one. The words it shows (the unit after the box, the box's and
// the help button's names) come from the server in the reader's language.

const PLACES = { money: 2, percent: 2, count: 0, months: 0 };
const UNIT_BEFORE = { money: "$" };
const UNIT_AFTER = { percent: "%", count: "days", months: "months" };

const MONEY = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
});

// What a screen reader says for the range's position, as the box beside it reads.
function spoken(kind, value, unit) {
  const number = Number(value);
  if (kind === "money") return MONEY.format(number);
  if (kind === "percent") return `${number}%`;
  return `${number} ${unit ?? UNIT_AFTER[kind]}`;
}

function boxText(kind, value) {
  return Number(value).toFixed(PLACES[kind]);
}

let made = 0;
const pairs = new WeakMap();

function build(root) {
  const id = `amount-pair-${++made}`;
  const pair = {
    root,
    label: root.querySelector(".amount-pair-label"),
    helpButton: root.querySelector(".amount-pair-help-button"),
    help: root.querySelector(".amount-pair-help"),
    range: root.querySelector(".amount-pair-range"),
    box: root.querySelector(".amount-pair-exact"),
    before: root.querySelector(".amount-pair-before"),
    after: root.querySelector(".amount-pair-after"),
    kind: "money",
    unit: undefined, // the unit after the box, in the reader's language
    sent: 0, // the number of the last entry sent
    shownEntry: null, // what the server last put in the box
    send: null,
  };
  pair.range.id = `${id}-range`;
  pair.label.htmlFor = pair.range.id;
  pair.help.id = `${id}-help`;
  pair.helpButton.setAttribute("aria-controls", pair.help.id);

  const commit = (source, text) => {
    pair.sent += 1;
    pair.shownEntry = pair.box.value; // sent: no longer being typed
    pair.send?.("entry", { n: pair.sent, text, source });
  };
  pair.range.addEventListener("input", () => {
    pair.box.value = boxText(pair.kind, pair.range.value);
    pair.range.setAttribute("aria-valuetext", spoken(pair.kind, pair.range.value, pair.unit));
  });
  // A drag sends once, when let go; each key press sends its own.
  pair.range.addEventListener("change", () => commit("slider", pair.range.value));
  // Enter, or leaving the box, sends what was typed (once).
  const typed = () => {
    if (pair.box.value !== pair.shownEntry) commit("box", pair.box.value.trim());
  };
  pair.box.addEventListener("change", typed);
  pair.box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      typed();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const now = Number(pair.box.value.replace(/[$,\s%]/g, ""));
      if (!Number.isFinite(now)) return;
      event.preventDefault();
      const step = Number(pair.range.step) * (event.key === "ArrowUp" ? 1 : -1);
      pair.box.value = boxText(pair.kind, Math.max(0, now + step));
      commit("box", pair.box.value);
    }
  });
  pair.helpButton.addEventListener("click", () => {
    const open = pair.help.hidden;
    pair.help.hidden = !open;
    pair.helpButton.setAttribute("aria-expanded", String(open));
  });
  return pair;
}

function show(pair, data) {
  pair.kind = data.kind;
  pair.unit = data.unit ?? UNIT_AFTER[data.kind];
  pair.label.textContent = data.label;
  pair.box.setAttribute("aria-label", data.exactLabel ?? `${data.label}, exact`);
  pair.box.inputMode = PLACES[data.kind] ? "decimal" : "numeric";
  pair.before.textContent = UNIT_BEFORE[data.kind] ?? "";
  pair.after.textContent = data.unit ?? UNIT_AFTER[data.kind] ?? "";
  pair.helpButton.hidden = !data.help;
  pair.helpButton.setAttribute("aria-label", data.helpLabel ?? `About ${data.label}`);
  pair.help.textContent = data.help;
  pair.range.min = "0";
  pair.range.max = String(data.max);
  pair.range.step = String(data.step);
  pair.box.setAttribute("aria-invalid", String(Boolean(data.invalid)));
  // Number on from what the server has read, so a pair drawn anew (another page, a reload)
  // never sends an entry equal to one it kept: an unchanged value would not be read.
  if (data.seen > pair.sent) pair.sent = data.seen;
  if (data.seen < pair.sent) return; // an answer to an earlier entry: keep the user's
  pair.range.value = String(Math.min(Math.max(data.value, 0), data.max));
  // The value in use, which the range's steps may round (9,150.25 sits at 9,200).
  pair.range.setAttribute("aria-valuetext", spoken(data.kind, data.value, pair.unit));
  // A box being typed in keeps its text until it is sent.
  const typing = document.activeElement === pair.box && pair.box.value !== pair.shownEntry;
  if (!typing) pair.box.value = data.entry;
  if (!typing) pair.shownEntry = data.entry;
}

export default function amountPair({ data, parentElement, setStateValue }) {
  const root = parentElement.querySelector(".amount-pair");
  let pair = pairs.get(root);
  if (pair === undefined) {
    pair = build(root);
    pairs.set(root, pair);
  }
  pair.send = setStateValue;
  show(pair, data);
}
