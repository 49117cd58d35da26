/**
 * Energy per day as grouped bars, drawn as SVG in light DOM: one group per day, one bar per series (import and
 * export of the period, and the same of the comparison period, lighter). Labels and hover texts arrive formatted
 * in the page's locale; only the y-axis ticks are formatted here, with Intl in the same locale. Redrawn on resize,
 * so it fits a phone as well as a wide screen.
 */
const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.appendChild(e);
  return e;
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 2.5, 5, 10].map(m => m * p).find(s => s >= raw);
}

class SmgwEnergyBars extends HTMLElement {
  connectedCallback() {
    this._resize = new ResizeObserver(() => this._draw());
    this._resize.observe(this);
  }

  disconnectedCallback() {
    this._resize?.disconnect();
  }

  setBars(json) {
    this._data = JSON.parse(json);
    this.dataset.days = String(this._data.labels.length);
    this._draw();
  }

  _draw() {
    const d = this._data;
    if (!d || !this.isConnected) return;
    this.replaceChildren();
    const legend = document.createElement('div');
    legend.className = 'smgw-bars-legend';
    legend.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.25em 1em;font-size:var(--lumo-font-size-s)';
    for (const s of d.series) {
      const item = document.createElement('span');
      item.innerHTML = '<span style="display:inline-block;width:0.8em;height:0.8em;margin-right:0.3em;background:'
        + s.color + '"></span>';
      item.append(s.name);
      legend.appendChild(item);
    }
    this.appendChild(legend);

    const width = Math.max(200, this.clientWidth);
    const height = 240;
    const left = 56, right = 8, top = 8, bottom = 36;
    const svg = el('svg', { width, height, role: 'img', 'aria-label': d.title }, this);
    const n = d.labels.length;
    const max = Math.max(0.001, ...d.series.flatMap(s => s.values.filter(v => v !== null)));
    const step = niceStep(max, 4);
    const top_ = Math.ceil(max / step) * step;
    const plotW = width - left - right, plotH = height - top - bottom;
    const y = v => top + plotH - (v / top_) * plotH;
    const fmt = new Intl.NumberFormat(d.lang, { maximumFractionDigits: 3 });
    for (let t = 0; t <= top_ + step / 2; t += step) {
      el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: '#ddd' }, svg);
      el('text', { x: left - 4, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11 }, svg).textContent = fmt.format(t);
    }
    el('text', { x: 2, y: top + 10, 'font-size': 11 }, svg).textContent = d.unit;
    const group = plotW / n;
    const barW = Math.max(1, (group * 0.8) / d.series.length);
    const labelEvery = Math.ceil(n / Math.max(1, Math.floor(plotW / 70)));
    for (let i = 0; i < n; i++) {
      const x0 = left + i * group + group * 0.1;
      d.series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const bar = el('rect', { x: x0 + k * barW, y: y(v), width: Math.max(1, barW - 1), height: y(0) - y(v),
          fill: s.color }, svg);
        el('title', {}, bar).textContent = s.texts[i];
      });
      if (i % labelEvery === 0) {
        el('text', { x: left + i * group + group / 2, y: height - bottom + 14, 'text-anchor': 'middle',
          'font-size': 11 }, svg).textContent = d.labels[i];
      }
    }
    this.dataset.rendered = 'true';
  }
}

customElements.define('smgw-energy-bars', SmgwEnergyBars);
