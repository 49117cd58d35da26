import uPlot from 'uplot';

/**
 * The household's load curve drawn by uPlot in light DOM (so uPlot's stylesheet applies).
 * Data arrives as base64 little-endian Float32 arrays on a regular 15-minute grid; NaN is a gap
 * and is drawn as a gap, never bridged. Quarter hours resting on a substitute value (Ersatzwert) come as two more
 * arrays and are drawn dashed in the register's colour. In the day view, SMGW.Lite readings between the quarter hours
 * come as thin lines on their own time points (setFine: offsets from the start and the mean power from each point to
 * the next, NaN where a run ends); the tables are joined on one x axis (join). Drag to zoom, double-click to reset.
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

/**
 * Tables ([x, ...ys]) on their own x values joined on one sorted x axis, as uPlot wants. A point another table added is
 * undefined, which uPlot draws over (a step holds its value across it), unless it lies in a break, which it continues
 * as null: forward only, since a step drawn from a point holds until that series' next point.
 */
function join(tables) {
  const xs = Array.from(new Set(tables.flatMap(t => Array.from(t[0])))).sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  const out = [xs];
  for (const [x, ...ys] of tables) {
    for (const y of ys) {
      const col = new Array(xs.length).fill(undefined);
      for (let i = 0; i < x.length; i++) col[at.get(x[i])] = y[i];
      let broken = false;
      for (let i = 0; i < col.length; i++) {
        if (col[i] === null) broken = true;
        else if (col[i] === undefined) { if (broken) col[i] = null; }
        else broken = false;
      }
      out.push(col);
    }
  }
  return out;
}

/** The legend's value at a joined point: the value the series' step holds there. */
function heldValue(u, raw, si, i) {
  let v = raw;
  if (i != null) {
    const ys = u.data[si];
    let k = i;
    while (k > 0 && ys[k] === undefined) k--;
    v = ys[k];
  }
  return v == null ? '--' : uPlot.fmtNum(v);
}

const FINE_COLOURS = ['#e8590c', '#7b2cbf'];

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
    this._schedule();
  }

  /** The fine lines of import and export (count 0: none); the server sends them right after setCurve, or none. */
  setFine(start, impCount, impOffsetsB64, impWattsB64, expCount, expOffsetsB64, expWattsB64, impLabel, expLabel) {
    const line = (n, offsetsB64, wattsB64, label, colour) => {
      if (!n) return null;
      const [offsets] = decode(offsetsB64, n);
      const [w, breaks] = decode(wattsB64, n);
      return { x: offsets.map(o => start + o), y: w, label, colour, points: n - breaks };
    };
    this._fine = [line(impCount, impOffsetsB64, impWattsB64, impLabel, FINE_COLOURS[0]),
      line(expCount, expOffsetsB64, expWattsB64, expLabel, FINE_COLOURS[1])].filter(f => f);
    this.dataset.hiresPoints = String(this._fine.reduce((sum, f) => sum + f.points, 0));
    this._schedule();
  }

  /** One drawing for the calls of one round trip (setCurve, then setFine). */
  _schedule() {
    if (this._queued) return;
    this._queued = true;
    queueMicrotask(() => {
      this._queued = false;
      if (this.isConnected && this._data) this._draw();
    });
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
    let data = this._data;
    const fine = this._fine || [];
    if (fine.length) {
      data = join([this._data, ...fine.map(f => [f.x, f.y])]);
      for (const f of fine) {
        series.push({ label: f.label, stroke: f.colour, width: 1, spanGaps: false, paths: stepped, points: { show: false } });
      }
      for (const s of series.slice(1)) s.value = heldValue;
    }
    this._plot = new uPlot({
      width: this.clientWidth || 800,
      height: this._height(),
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), zone),
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      axes: [{}, { label: 'W', size: 70 }],
      series,
    }, data, this);
    this.dataset.rendered = 'true';
  }
}

customElements.define('smgw-load-curve', SmgwLoadCurve);
