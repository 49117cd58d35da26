import uPlot from 'uplot';

/**
 * The household's load curve drawn by uPlot in light DOM (so uPlot's stylesheet applies).
 * Data arrives as base64 little-endian Float32 arrays on a regular 15-minute grid; NaN is a gap
 * and is drawn as a gap, never bridged. Quarter hours resting on a substitute value (Ersatzwert) come as two more
 * arrays and are drawn dashed in the register's colour. Drag to zoom, double-click to reset.
 */
function decode(b64, n) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const f = new Float32Array(bytes.buffer);
  const out = new Array(n);
  let gaps = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(f[i])) { out[i] = null; gaps++; } else { out[i] = f[i]; }
  }
  return [out, gaps];
}

class SmgwLoadCurve extends HTMLElement {
  connectedCallback() {
    this._resize = new ResizeObserver(() => {
      if (this._plot) this._plot.setSize({ width: this.clientWidth, height: this._height() });
    });
    this._resize.observe(this);
    if (this._data && !this._plot) this._draw();
  }

  disconnectedCallback() {
    this._resize?.disconnect();
  }

  _height() {
    return Math.max(200, this.clientHeight - 60);
  }

  setCurve(start, step, count, importB64, exportB64, zone, importLabel, exportLabel,
           importSubB64, exportSubB64, importSubLabel, exportSubLabel) {
    const x = new Float64Array(count);
    for (let i = 0; i < count; i++) x[i] = start + i * step;
    const [imp] = decode(importB64, count);
    const [exp] = decode(exportB64, count);
    const [impSub, impSubNaN] = importSubB64 ? decode(importSubB64, count) : [new Array(count).fill(null), count];
    const [expSub, expSubNaN] = exportSubB64 ? decode(exportSubB64, count) : [new Array(count).fill(null), count];
    let gaps = 0;
    for (let i = 0; i < count; i++) if (imp[i] === null && impSub[i] === null) gaps++;
    this._zone = zone;
    this._labels = [importLabel, exportLabel, importSubLabel, exportSubLabel];
    // the substitute series only when there is one to show (no empty legend entries)
    this._withSubstitutes = impSubNaN + expSubNaN < 2 * count;
    this._data = this._withSubstitutes ? [x, imp, exp, impSub, expSub] : [x, imp, exp];
    this.dataset.points = String(count);
    this.dataset.gaps = String(gaps);
    if (this.isConnected) this._draw();
  }

  _draw() {
    this._plot?.destroy();
    const zone = this._zone;
    const stepped = uPlot.paths.stepped({ align: 1 });
    const series = [
      { label: 'Time' },
      { label: this._labels[0], stroke: '#1676f3', fill: 'rgba(22,118,243,0.12)', spanGaps: false, paths: stepped },
      { label: this._labels[1], stroke: '#2a9d3a', spanGaps: false, paths: stepped },
    ];
    if (this._withSubstitutes) {
      series.push({ label: this._labels[2], stroke: '#1676f3', dash: [6, 4], spanGaps: false, paths: stepped });
      series.push({ label: this._labels[3], stroke: '#2a9d3a', dash: [6, 4], spanGaps: false, paths: stepped });
    }
    this._plot = new uPlot({
      width: this.clientWidth || 800,
      height: this._height(),
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), zone),
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      axes: [{}, { label: 'W', size: 70 }],
      series,
    }, this._data, this);
    this.dataset.rendered = 'true';
  }
}

customElements.define('smgw-load-curve', SmgwLoadCurve);
