//! `copydesk report --html`: one self-contained page (inline CSS, JavaScript and SVG; no
//! network) from a [`Report`].
//!
//! Charts are SVG written here by hand: a timeline is a few dozen lines, circles and paths, so
//! a charting library would add a bundle, a licence and a JavaScript dependency for nothing the
//! page needs; the page renders without JavaScript (the script only adds the tooltip and opens
//! the tables for printing). Every piece of article text goes through [`esc`].

use crate::figures::attribution::{is_unnamed, shown};
use crate::report::{format_value, value_text, Highlighted, Mark, Point, Report, Slot, Story};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters other than tab and newline have no place in a page
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The page's style sheet.
pub const STYLE: &str = include_str!("report.css");
/// The page's script: tooltips on hover and focus, tables opened for printing.
pub const SCRIPT: &str = include_str!("report.js");

/// The Content-Security-Policy of the page: nothing from the network; only the page's own
/// style and script (by hash, so an injected script would not run).
pub fn csp() -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; img-src data:",
        STYLE_HASH, SCRIPT_HASH
    )
}

/// SHA-256 of [`STYLE`] and [`SCRIPT`], base64 (checked by the browser test: a wrong hash
/// blocks the script and is reported on the console).
const STYLE_HASH: &str = "sha256-OrlUOwGn/d0S4Ct6ZeBzRfyLX8FKgCfDU3LsdTKtlx8=";
const SCRIPT_HASH: &str = "sha256-sXtAvqBzfYCEUVyTMIyhUGWwQF1LX77T5ipAo0wL0R8=";

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), the
/// yellow replaced by a darker ochre that stays visible on white; each goes with a shape.
const OUTLET_STYLES: usize = 8;

/// Marker shapes, centred on 0,0 (circle, square, triangle, diamond, inverted triangle,
/// plus, hexagon, cross); the ninth, hollow, is every further outlet.
const SHAPES: [&str; 9] = [
    "M6,0A6,6 0 1,1 -6,0A6,6 0 1,1 6,0Z",
    "M-5,-5H5V5H-5Z",
    "M0,-6.5L6.5,5H-6.5Z",
    "M0,-7L7,0L0,7L-7,0Z",
    "M0,6.5L6.5,-5H-6.5Z",
    "M-2.2,-7H2.2V-2.2H7V2.2H2.2V7H-2.2V2.2H-7V-2.2H-2.2Z",
    "M-6.5,0L-3.2,-5.6H3.2L6.5,0L3.2,5.6H-3.2Z",
    "M-6,-3.6L-3.6,-6L0,-2.4L3.6,-6L6,-3.6L2.4,0L6,3.6L3.6,6L0,2.4L-3.6,6L-6,3.6L-2.4,0Z",
    "M4,0A4,4 0 1,1 -4,0A4,4 0 1,1 4,0Z",
];

const W: f64 = 720.0;
const H: f64 = 250.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;
const UNDATED: f64 = 64.0;
/// Markers labelled with their value on the chart itself (beyond this, the table and the
/// tooltip tell).
const LABELLED: usize = 14;

/// The whole page.
pub fn render(r: &Report) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"generator\" content=\"copydesk {}\">\
         <title>{}</title><style>{}</style></head><body>\n",
        esc(&csp()),
        env!("CARGO_PKG_VERSION"),
        esc(&r.title),
        STYLE
    );
    shape_defs(&mut o);
    let _ = writeln!(o, "<header><h1>{}</h1></header><main>", esc(&r.title));
    if !r.focused {
        summary(&mut o, r);
        story_list(&mut o, r);
    }
    if r.stories.iter().all(|s| s.slots.is_empty()) {
        o.push_str(if r.focused {
            "<p class=\"none\">No other source gives this figure.</p>\n"
        } else {
            "<p class=\"none\">No figure is given by more than one source.</p>\n"
        });
    }
    for s in r.stories.iter().filter(|s| !s.slots.is_empty()) {
        story(&mut o, s, r.focused);
    }
    if !r.focused {
        findings(&mut o, r);
    }
    let _ = writeln!(
        o,
        "</main><div id=\"tip\" role=\"tooltip\" hidden></div><script>{}</script></body></html>",
        SCRIPT
    );
    o
}

/// The shapes, defined once and drawn with `<use>`.
fn shape_defs(o: &mut String) {
    o.push_str("<svg class=\"defs\" aria-hidden=\"true\" width=\"0\" height=\"0\"><defs>");
    for (i, d) in SHAPES.iter().enumerate() {
        let _ = write!(o, "<path id=\"sh{i}\" d=\"{d}\"/>");
    }
    o.push_str("</defs></svg>\n");
}

const SEVERITIES: [&str; 4] = ["error", "warning", "info", "hint"];

fn summary(o: &mut String, r: &Report) {
    let total: usize = r.severity_counts.iter().sum();
    let conflicts: usize = r.stories.iter().map(|s| s.conflicts).sum();
    let _ = writeln!(
        o,
        "<section id=\"summary\"><h2>Summary</h2><dl class=\"cards\">\
         <div><dt>Articles</dt><dd>{}</dd></div>\
         <div><dt>With findings</dt><dd>{}</dd></div>\
         <div><dt>Findings</dt><dd>{}</dd></div>\
         <div><dt>Stories with shared figures</dt><dd>{}</dd></div>\
         <div><dt>Conflicting pairs</dt><dd>{}</dd></div></dl>",
        r.articles,
        r.articles_with_findings,
        total,
        r.stories.len() + r.stories_omitted,
        conflicts
    );
    if !r.by_rule.is_empty() {
        o.push_str("<table class=\"rules\"><caption>Findings by rule and severity</caption><thead><tr><th scope=\"col\">Rule</th>");
        for s in SEVERITIES {
            let _ = write!(
                o,
                "<th scope=\"col\"><span class=\"sev {s}\">{s}</span></th>"
            );
        }
        o.push_str("<th scope=\"col\">Total</th></tr></thead><tbody>");
        for (rule, counts) in &r.by_rule {
            let _ = write!(o, "<tr><th scope=\"row\"><code>{}</code></th>", esc(rule));
            for c in counts {
                let _ = write!(o, "<td>{c}</td>");
            }
            let _ = write!(o, "<td>{}</td></tr>", counts.iter().sum::<usize>());
        }
        o.push_str("<tr class=\"total\"><th scope=\"row\">All rules</th>");
        for c in &r.severity_counts {
            let _ = write!(o, "<td>{c}</td>");
        }
        let _ = writeln!(o, "<td>{total}</td></tr></tbody></table>");
    }
    o.push_str("</section>\n");
}

fn story_list(o: &mut String, r: &Report) {
    if r.stories.is_empty() {
        return;
    }
    o.push_str("<section id=\"stories\"><h2>Stories</h2><table class=\"stories\"><thead><tr><th scope=\"col\">Story</th><th scope=\"col\">Articles</th><th scope=\"col\">Outlets</th><th scope=\"col\">Published</th><th scope=\"col\">Conflicts</th><th scope=\"col\">Updates</th></tr></thead><tbody>");
    for s in &r.stories {
        let title = if s.slots.is_empty() {
            esc(&s.title)
        } else {
            format!("<a href=\"#{}\">{}</a>", esc(&s.id), esc(&s.title))
        };
        let _ = write!(
            o,
            "<tr><td>{title}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            s.articles,
            s.outlets,
            esc(&span_of(s.from, s.to)),
            s.conflicts,
            s.updates
        );
    }
    o.push_str("</tbody></table>");
    let charted = r.stories.iter().filter(|s| !s.slots.is_empty()).count();
    if charted < r.stories.len() {
        let _ = write!(
            o,
            "<p class=\"more\">Charts are drawn for the {charted} most contested stories.</p>"
        );
    }
    if r.stories_omitted > 0 {
        let _ = write!(
            o,
            "<p class=\"more\">… and {} more stories (not listed).</p>",
            r.stories_omitted
        );
    }
    o.push_str("</section>\n");
}

fn span_of(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.format("%Y-%m-%d").to_string(),
        (Some(a), Some(b)) => format!("{} – {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        _ => "undated".to_string(),
    }
}

fn story(o: &mut String, s: &Story, focused: bool) {
    let _ = writeln!(
        o,
        "<section class=\"story\" id=\"{}\"><h2>{}</h2><p class=\"meta\">{} article{} from {} outlet{}, {}; {} conflicting pair{}, {} update{}.</p>",
        esc(&s.id),
        esc(&s.title),
        s.articles,
        plural(s.articles),
        s.outlets,
        plural(s.outlets),
        esc(&span_of(s.from, s.to)),
        s.conflicts,
        plural(s.conflicts),
        s.updates,
        plural(s.updates),
    );
    for slot in &s.slots {
        chart(o, slot, focused);
    }
    if s.slots_omitted > 0 {
        let _ = write!(
            o,
            "<p class=\"more\">… and {} more figure{} of this story.</p>",
            s.slots_omitted,
            plural(s.slots_omitted)
        );
    }
    o.push_str("</section>\n");
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Outlet → style index (0..8 own colour and shape, 8: every further outlet), the outlets
/// with most markers first.
fn outlet_styles(points: &[Point]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for p in points {
        match counts.iter_mut().find(|(o, _)| *o == p.outlet) {
            Some(c) => c.1 += 1,
            None => counts.push((p.outlet.clone(), 1)),
        }
    }
    // stable: ties keep the order of first appearance (oldest first)
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .enumerate()
        .map(|(i, (o, _))| (o, i.min(OUTLET_STYLES)))
        .collect()
}

/// The value axis: linear from zero, or logarithmic when values span orders of magnitude.
struct YScale {
    lo: f64,
    hi: f64,
    log: bool,
}

impl YScale {
    fn of(points: &[Point]) -> YScale {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for p in points {
            for v in [Some(p.min), p.max, Some(p.anchor())].into_iter().flatten() {
                if v.is_finite() {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
        if !lo.is_finite() || !hi.is_finite() {
            return YScale {
                lo: 0.0,
                hi: 1.0,
                log: false,
            };
        }
        let positive = points
            .iter()
            .map(|p| p.anchor())
            .filter(|v| *v > 0.0)
            .fold(f64::INFINITY, f64::min);
        if lo > 0.0 && positive.is_finite() && hi / positive > 50.0 {
            return YScale {
                lo: 10f64.powf(lo.log10().floor()),
                hi: 10f64.powf((hi * 1.2).log10().ceil()),
                log: true,
            };
        }
        let lo = lo.min(0.0);
        let hi = if hi <= lo { lo + 1.0 } else { hi };
        let step = nice_step((hi - lo) * 1.15 / 4.0);
        YScale {
            lo: (lo / step).floor() * step,
            hi: ((hi * 1.15) / step).ceil() * step,
            log: false,
        }
    }

    fn y(&self, v: f64) -> f64 {
        let plot = H - TOP - BOTTOM;
        let f = if self.log {
            let v = v.max(self.lo);
            (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        let f = if f.is_finite() {
            f.clamp(0.0, 1.0)
        } else {
            0.0
        };
        TOP + plot * (1.0 - f)
    }

    fn ticks(&self) -> Vec<f64> {
        if self.log {
            let mut v = self.lo;
            let mut out = Vec::new();
            while v <= self.hi * 1.0001 && out.len() < 12 {
                out.push(v);
                v *= 10.0;
            }
            out
        } else {
            let step = nice_step((self.hi - self.lo) / 4.0);
            let mut out = Vec::new();
            let mut v = self.lo;
            while v <= self.hi + step * 1e-6 && out.len() < 12 {
                out.push(v);
                v += step;
            }
            out
        }
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

/// The time axis: days from the first to the last publication date, with an "undated"
/// column at the right when some markers have no date.
struct XScale {
    first: i64,
    last: i64,
    undated: bool,
}

impl XScale {
    fn of(points: &[Point]) -> XScale {
        let days: Vec<i64> = points
            .iter()
            .filter_map(|p| p.published)
            .map(|d| i64::from(d.num_days_from_ce()))
            .collect();
        let first = days.iter().copied().min().unwrap_or(0);
        let last = days.iter().copied().max().unwrap_or(0);
        XScale {
            first: first - 1,
            last: last + 1,
            undated: points.iter().any(|p| p.published.is_none()),
        }
    }

    fn plot_right(&self) -> f64 {
        W - RIGHT - if self.undated { UNDATED } else { 0.0 }
    }

    fn x(&self, d: Option<NaiveDate>) -> f64 {
        match d {
            None => W - RIGHT - UNDATED / 2.0,
            Some(d) => {
                let day = i64::from(d.num_days_from_ce());
                let span = (self.last - self.first).max(1) as f64;
                LEFT + (self.plot_right() - LEFT) * (day - self.first) as f64 / span
            }
        }
    }

    /// At most seven evenly spaced days.
    fn ticks(&self) -> Vec<NaiveDate> {
        let span = self.last - self.first;
        let step = (span / 6).max(1);
        let mut out = Vec::new();
        let mut d = self.first + 1;
        while d < self.last && out.len() < 8 {
            if let Some(x) = i32::try_from(d)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
            {
                out.push(x);
            }
            d += step;
        }
        out
    }
}

fn chart(o: &mut String, slot: &Slot, focused: bool) {
    let styles = outlet_styles(&slot.points);
    let style_of = |outlet: &str| {
        styles
            .iter()
            .find(|(o, _)| o == outlet)
            .map_or(OUTLET_STYLES, |(_, i)| *i)
    };
    let ys = YScale::of(&slot.points);
    let xs = XScale::of(&slot.points);
    let total = slot.points.len() + slot.omitted;
    let _ = writeln!(
        o,
        "<figure class=\"slot\" id=\"{id}\" data-slot=\"{id}\" data-markers=\"{n}\" data-omitted=\"{om}\"><figcaption><h3>{label}</h3><span class=\"meta\">{total} figure{pl} · {c} conflicting pair{pc} · {u} update{pu}</span></figcaption>",
        id = esc(&slot.id),
        n = slot.points.len(),
        om = slot.omitted,
        label = esc(&slot.label),
        pl = plural(total),
        c = slot.conflicts,
        pc = plural(slot.conflicts),
        u = slot.updates,
        pu = plural(slot.updates),
    );
    let _ = write!(
        o,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"group\" aria-label=\"{}: value over publication date, one marker per source\">",
        esc(&slot.label)
    );
    axes(o, &xs, &ys);
    // markers on the same day side by side
    let mut per_day: Vec<(Option<NaiveDate>, usize)> = Vec::new();
    let mut offsets = Vec::with_capacity(slot.points.len());
    for p in &slot.points {
        let k = match per_day.iter_mut().find(|(d, _)| *d == p.published) {
            Some(e) => {
                e.1 += 1;
                e.1 - 1
            }
            None => {
                per_day.push((p.published, 1));
                0
            }
        };
        offsets.push(k);
    }
    let labelled = slot.points.len() <= LABELLED;
    for (i, p) in slot.points.iter().enumerate() {
        let n = per_day
            .iter()
            .find(|(d, _)| *d == p.published)
            .map_or(1, |(_, n)| *n);
        let dx = (offsets[i] as f64 - (n as f64 - 1.0) / 2.0) * 11.0;
        let dx = dx.clamp(-28.0, 28.0);
        let x = xs.x(p.published) + dx;
        // markers side by side: the first labelled on its left, the last on its right
        let side = match (labelled, n, offsets[i]) {
            (false, _, _) => None,
            (true, 1, _) => Some(true),
            (true, _, 0) => Some(false),
            (true, n, k) if k + 1 == n => Some(true),
            _ => None,
        };
        marker(o, slot, i, p, x, &ys, style_of(&p.outlet), side);
    }
    o.push_str("</svg>\n");
    legend(o, &styles, slot);
    table(o, slot, &style_of, focused);
    if slot.omitted > 0 {
        let _ = write!(
            o,
            "<p class=\"more\">… and {} more figure{} not drawn (the chart keeps every conflict and update it can and spreads the rest over time).</p>",
            slot.omitted,
            plural(slot.omitted)
        );
    }
    o.push_str("</figure>\n");
}

fn axes(o: &mut String, xs: &XScale, ys: &YScale) {
    let bottom = H - BOTTOM;
    let right = xs.plot_right();
    let _ = write!(
        o,
        "<g class=\"axis\"><line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\"/>"
    );
    for v in ys.ticks() {
        let y = ys.y(v);
        let _ = write!(
            o,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y + 4.0,
            esc(&format_value(v))
        );
    }
    for d in xs.ticks() {
        let x = xs.x(Some(d));
        let _ = write!(
            o,
            "<line x1=\"{x:.1}\" y1=\"{bottom}\" x2=\"{x:.1}\" y2=\"{}\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            bottom + 4.0,
            bottom + 17.0,
            d.format("%b %-d")
        );
    }
    if let Some(first) = xs.ticks().first() {
        let _ = write!(
            o,
            "<text x=\"{LEFT}\" y=\"{}\" class=\"year\">{}</text>",
            bottom + 32.0,
            first.year()
        );
    }
    if xs.undated {
        let x = W - RIGHT - UNDATED / 2.0;
        let _ = write!(
            o,
            "<line class=\"grid\" x1=\"{}\" y1=\"{TOP}\" x2=\"{}\" y2=\"{bottom}\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">undated</text>",
            W - RIGHT - UNDATED,
            W - RIGHT - UNDATED,
            bottom + 17.0
        );
    }
    let _ = write!(
        o,
        "<text x=\"{}\" y=\"{}\" class=\"axis-title\">publication date →</text></g>",
        right,
        bottom + 32.0
    );
}

#[allow(clippy::too_many_arguments)]
fn marker(
    o: &mut String,
    slot: &Slot,
    i: usize,
    p: &Point,
    x: f64,
    ys: &YScale,
    style: usize,
    label: Option<bool>,
) {
    let y = ys.y(p.anchor());
    // the range the qualifier allows: a closed bar, or an open one up to the top
    match p.max {
        None => {
            let y0 = ys.y(p.min);
            let _ = write!(
                o,
                "<path class=\"open\" d=\"M{x:.1},{y0:.1}V{top:.1}M{l:.1},{a:.1}L{x:.1},{top:.1}L{r:.1},{a:.1}\"/>",
                top = TOP,
                l = x - 4.0,
                r = x + 4.0,
                a = TOP + 6.0
            );
        }
        Some(max) if (max - p.min).abs() > f64::EPSILON => {
            let (y0, y1) = (ys.y(p.min), ys.y(max));
            let _ = write!(
                o,
                "<path class=\"range\" d=\"M{x:.1},{y0:.1}V{y1:.1}M{l:.1},{y0:.1}H{r:.1}M{l:.1},{y1:.1}H{r:.1}\"/>",
                l = x - 4.0,
                r = x + 4.0
            );
        }
        Some(_) => {}
    }
    let mark = p.mark.unwrap_or(Mark::Agrees);
    let published = p
        .published
        .map_or("undated".to_string(), |d| d.format("%Y-%m-%d").to_string());
    let aria = format!(
        "{}, {}: {} ({})",
        p.outlet,
        published,
        value_text(p),
        mark.label()
    );
    let _ = write!(
        o,
        "<g class=\"mk {mark}\" tabindex=\"0\" role=\"img\" aria-label=\"{aria}\" data-row=\"{slot}-r{i}\" data-path=\"{path}\" data-start=\"{start}\" data-min=\"{min}\" data-max=\"{max}\" transform=\"translate({x:.1},{y:.1})\">",
        mark = mark.label(),
        aria = esc(&aria),
        slot = esc(&slot.id),
        path = esc(&p.path),
        start = p.start_byte,
        min = p.min,
        max = p.max.map(|m| m.to_string()).unwrap_or_default(),
    );
    match mark {
        Mark::Conflict => o.push_str("<circle class=\"ring\" r=\"10.5\"/>"),
        Mark::Updated => o.push_str("<path class=\"up\" d=\"M0,-16L4,-11H-4Z\"/>"),
        Mark::Agrees => {}
    }
    let _ = write!(o, "<use href=\"#sh{style}\" class=\"c{style}\"/>");
    if let Some(right) = label {
        let glyph = match mark {
            Mark::Conflict => " ≠",
            Mark::Updated => " ↑",
            Mark::Agrees => "",
        };
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"4\" class=\"lbl\" text-anchor=\"{}\">{}{glyph}</text>",
            if right { 13 } else { -13 },
            if right { "start" } else { "end" },
            esc(&value_text(p))
        );
    }
    o.push_str("</g>");
}

fn legend(o: &mut String, styles: &[(String, usize)], slot: &Slot) {
    o.push_str("<ul class=\"legend\">");
    let mut others = 0;
    for (outlet, style) in styles {
        if *style >= OUTLET_STYLES {
            others += 1;
            continue;
        }
        let _ = write!(o, "<li>{}{}</li>", swatch(*style), esc(outlet));
    }
    if others > 0 {
        let _ = write!(
            o,
            "<li>{}{others} other outlet{}</li>",
            swatch(OUTLET_STYLES),
            plural(others)
        );
    }
    let has = |m: Mark| slot.points.iter().any(|p| p.mark == Some(m));
    if slot.points.iter().any(|p| p.max.is_none()) {
        o.push_str("<li><svg viewBox=\"-8 -9 16 18\" class=\"sw\"><path class=\"open\" d=\"M0,8V-8M-4,-2L0,-8L4,-2\"/></svg>open bar: at least / more than</li>");
    }
    if slot
        .points
        .iter()
        .any(|p| p.max.is_some_and(|m| (m - p.min).abs() > f64::EPSILON))
    {
        o.push_str("<li><svg viewBox=\"-8 -9 16 18\" class=\"sw\"><path class=\"range\" d=\"M0,8V-8M-4,8H4M-4,-8H4\"/></svg>bar: the range the words allow</li>");
    }
    if has(Mark::Conflict) {
        o.push_str("<li><svg viewBox=\"-12 -12 24 24\" class=\"sw\"><circle class=\"ring\" r=\"10\"/></svg>≠ dashed ring: conflicts with another source</li>");
    }
    if has(Mark::Updated) {
        o.push_str("<li><svg viewBox=\"-8 -18 16 20\" class=\"sw\"><path class=\"up\" d=\"M0,-16L4,-11H-4Z\"/></svg>↑ update: a later, higher count</li>");
    }
    o.push_str("</ul>\n");
}

fn swatch(style: usize) -> String {
    format!("<svg viewBox=\"-8 -8 16 16\" class=\"sw\"><use href=\"#sh{style}\" class=\"c{style}\"/></svg>")
}

/// A point's source as the table shows it: the words an editor reads (see
/// [`crate::figures::attribution::shown`]), escaped.
fn source_cell(p: &Point) -> String {
    match (&p.source, p.named) {
        (Some(s), true) => esc(&shown(s)),
        // "an unnamed source" says it already
        (Some(s), false) if is_unnamed(s) => esc(&shown(s)),
        (Some(s), false) => format!("{} <small>(not named)</small>", esc(&shown(s))),
        (None, _) => "<em>no source given</em>".to_string(),
    }
}

fn table(o: &mut String, slot: &Slot, style_of: &dyn Fn(&str) -> usize, focused: bool) {
    let _ = write!(
        o,
        "<details class=\"sources\"{}><summary>Sentences and sources ({})</summary><table><thead><tr><th scope=\"col\">Published</th><th scope=\"col\">Outlet</th><th scope=\"col\">Value</th><th scope=\"col\">Relation</th><th scope=\"col\">Sentence</th><th scope=\"col\">Source</th></tr></thead><tbody>",
        if focused { " open" } else { "" },
        slot.points.len()
    );
    for (i, p) in slot.points.iter().enumerate() {
        let mark = p.mark.unwrap_or(Mark::Agrees);
        let source = source_cell(p);
        let _ = write!(
            o,
            "<tr id=\"{slot}-r{i}\"><td class=\"d\">{date}</td><td class=\"o\">{sw}{outlet}<br><small>{path}:{line}:{col}</small></td><td class=\"v\">{value}</td><td class=\"m {mark}\">{mark}</td><td class=\"q\">{q}</td><td class=\"s\">{source}</td></tr>",
            slot = esc(&slot.id),
            date = p
                .published
                .map_or("undated".to_string(), |d| d.format("%Y-%m-%d").to_string()),
            sw = swatch(style_of(&p.outlet)),
            outlet = esc(&p.outlet),
            path = esc(&p.path),
            line = p.line,
            col = p.column,
            value = esc(&value_text(p)),
            mark = mark.label(),
            q = highlighted(&p.sentence),
        );
    }
    o.push_str("</tbody></table></details>\n");
}

/// A sentence with its highlighted words in `<mark>`.
fn highlighted(h: &Highlighted) -> String {
    format!(
        "{}<mark>{}</mark>{}",
        esc(&h.before),
        esc(&h.marked),
        esc(&h.after)
    )
}

fn findings(o: &mut String, r: &Report) {
    o.push_str("<section id=\"findings\"><h2>Findings by article</h2>\n");
    if r.files.is_empty() {
        o.push_str("<p class=\"none\">No findings.</p>");
    }
    for f in &r.files {
        let _ = write!(
            o,
            "<article class=\"file\"><h3><code>{}</code></h3><p class=\"meta\">{}{}</p><ol class=\"findings\">",
            esc(&f.path),
            esc(&f.outlet),
            f.published
                .as_ref()
                .map(|p| format!(", published {}", esc(p)))
                .unwrap_or_default()
        );
        for x in &f.findings {
            let _ = write!(
                o,
                "<li class=\"finding\"><p><span class=\"sev {sev}\">{sev}</span> <code>{rule}</code> <span class=\"pos\">line {line}, column {col}</span></p><p class=\"msg\">{msg}</p><blockquote>{ctx}</blockquote>",
                sev = esc(&x.severity),
                rule = esc(&x.rule),
                line = x.line,
                col = x.column,
                msg = esc(&x.message),
                ctx = highlighted(&x.context),
            );
            if let Some((title, replacement)) = &x.fix {
                let _ = write!(
                    o,
                    "<p class=\"fix\">Fix: {} <ins>{}</ins></p>",
                    esc(title),
                    esc(replacement)
                );
            }
            o.push_str("</li>");
        }
        o.push_str("</ol>");
        if f.omitted > 0 {
            let _ = write!(
                o,
                "<p class=\"more\">… and {} more finding{} (run <code>copydesk check {}</code>).</p>",
                f.omitted,
                plural(f.omitted),
                esc(&f.path)
            );
        }
        o.push_str("</article>\n");
    }
    if r.files_omitted > 0 {
        let _ = write!(
            o,
            "<p class=\"more\">… and {} more article{} with findings (run <code>copydesk check</code> for every one).</p>",
            r.files_omitted,
            plural(r.files_omitted)
        );
    }
    o.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{0}b\u{1b}c\nd"), "a\u{FFFD}b\u{FFFD}c\nd");
    }

    #[test]
    fn a_source_cell_reads_as_words() {
        let p = |source: &str, named: bool| Point {
            source: Some(source.to_string()),
            named,
            ..Point::default()
        };
        assert_eq!(source_cell(&p("unnamed (she)", false)), "an unnamed source");
        assert_eq!(
            source_cell(&p("The ministry", false)),
            "the ministry <small>(not named)</small>"
        );
        assert_eq!(
            source_cell(&p("Velmar <Corp>", true)),
            "Velmar &lt;Corp&gt;"
        );
        assert_eq!(source_cell(&Point::default()), "<em>no source given</em>");
    }

    #[test]
    fn steps_and_ticks_are_round() {
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(23.0), 50.0);
        assert_eq!(nice_step(1.5), 2.0);
        let p = |min: f64, max: Option<f64>| Point {
            min,
            max,
            ..Point::default()
        };
        let ys = YScale::of(&[p(60.0, None), p(133.0, Some(133.0))]);
        assert!(!ys.log);
        assert_eq!(ys.lo, 0.0);
        assert!(ys.hi >= 133.0);
        assert!(ys.ticks().len() >= 3);
        let ys = YScale::of(&[p(3.0, Some(3.0)), p(20000.0, Some(20000.0))]);
        assert!(ys.log);
        assert!(ys.y(3.0) > ys.y(20000.0));
        assert_eq!(ys.ticks().first().copied(), Some(1.0));
    }
}
