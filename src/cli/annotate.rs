//! `copydesk annotate`: every date expression, figure and entity of one article, as JSON.

use super::{error, parse_date};
use crate::analysis::Analysis;
use crate::engine::Engine;
use crate::time::Kind;
use crate::workspace;
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AnnotateFormat {
    /// `{"dates":[…]}`.
    Json,
}

/// Arguments of `copydesk annotate`.
#[derive(clap::Args, Debug)]
pub struct AnnotateArgs {
    /// The article, or `-` for standard input.
    pub file: PathBuf,
    /// Resolve against this publication date instead of the article's own.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnnotateFormat::Json)]
    pub format: AnnotateFormat,
}

/// Runs the command.
pub fn run(args: AnnotateArgs) -> ExitCode {
    let published = match args
        .published
        .as_deref()
        .map(parse_date)
        .transpose()
        .and_then(|p| match p {
            // Dates far from ours only make the date arithmetic overflow.
            Some(d) if !(1..=9999).contains(&chrono::Datelike::year(&d)) => {
                Err(format!("'{d}' is out of range (years 1 to 9999)"))
            }
            p => Ok(p),
        }) {
        Ok(p) => p,
        Err(e) => {
            error(format!("--published {e}"));
            return ExitCode::from(2);
        }
    };
    let text = if args.file.as_os_str() == "-" {
        workspace::read_stream_limited(std::io::stdin().lock(), workspace::MAX_FILE_BYTES)
    } else {
        workspace::read_text(&args.file)
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            error(format!("{}: {e}", args.file.display()));
            return ExitCode::from(2);
        }
    };
    // the nearest .copydesk.toml decides which sources are vague, as for `check`
    let config = if args.file.as_os_str() == "-" {
        workspace::find_config(std::path::Path::new("."))
    } else {
        workspace::find_config(&args.file)
    };
    let config = match config.as_deref().map(workspace::load_config) {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            // annotate reads the text only: a broken configuration is worth a word, not a stop
            error(format!("{e} (using the defaults)"));
            crate::config::Config::default()
        }
        None => crate::config::Config::default(),
    };
    let a = Engine::standalone(config).analyse_published(&text, published);
    let doc = serde_json::to_string_pretty(&document(&a, published)).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{doc}").and_then(|_| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write output: {e}"));
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// The annotate document for one analysis (`published` overrides the article's own date).
pub fn document(a: &Analysis, published: Option<chrono::NaiveDate>) -> serde_json::Value {
    // a day with the clock time before it ("noon Thursday", "4 a.m. EDT Friday") is one expression
    let joined = crate::time::timex::join_day_times(&a.text, &a.dates);
    // "three days later", "within 14 days": the stretch from an event, not a day
    // and "every Tuesday": a set, not a day
    let mut stretches = crate::time::timex::event_durations(&a.text, &a.dates);
    stretches.extend(crate::time::timex::recurring_days(&a.text, &a.dates));
    let consumed: Vec<usize> = joined
        .iter()
        .flat_map(|j| [j.parts.0, j.parts.1])
        .chain(stretches.iter().map(|(i, _)| *i))
        .collect();
    let mut dates = date_rows(a, published, &joined, &consumed);
    let stretches = stretches.into_iter().map(|(_, x)| x).collect();
    dates.extend(timex_rows(a, published, &joined, stretches));
    dates.sort_by_key(|(s, _)| *s);
    let dates = with_year_after(&a.text, dates);
    let figures: Vec<_> = a
        .claims
        .iter()
        .map(|c| super::claims::claim_json(a, c))
        .collect();
    let entities: Vec<_> = a
        .entities
        .iter()
        .map(|e| {
            json!({
                "text": e.span.slice(&a.text),
                "start_byte": e.span.start,
                "end_byte": e.span.end,
                "name": e.name,
                "title": e.title,
                "kind": e.kind,
            })
        })
        .collect();
    json!({
        "published": a.article.published.as_ref().map(|p| p.display()),
        "dates": dates,
        "figures": figures,
        "entities": entities,
    })
}

/// The rows (sorted by start) with a month or day joined to the year written right after it
/// that no date of its own names ("July 22 that year", "in November that same year"): one
/// expression, in that year.
fn with_year_after(text: &str, rows: Vec<(usize, serde_json::Value)>) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = Vec::with_capacity(rows.len());
    for (_, row) in rows {
        if let Some(joined) = out.last().and_then(|prev| joined_year(text, prev, &row)) {
            if let Some(last) = out.last_mut() {
                *last = joined;
            }
            continue;
        }
        out.push(row);
    }
    out
}

/// `prev` (a month or a day) and `row` (a year period) as one expression, when only spaces
/// part them.
fn joined_year(
    text: &str,
    prev: &serde_json::Value,
    row: &serde_json::Value,
) -> Option<serde_json::Value> {
    // a calendar month or day (the kinds `Kind` writes), then a year period
    let calendar = [Kind::Month, Kind::Date]
        .iter()
        .any(|k| json!(k) == prev["kind"]);
    if !calendar || row["kind"].as_str()? != "period" {
        return None;
    }
    let year = row["value"]
        .as_str()
        .filter(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))?;
    let value = prev["value"].as_str()?;
    // "2016-07-22" -> "-07-22": the month and day, the year replaced
    let rest = value.get(4..).filter(|r| r.starts_with('-'))?;
    let (start, end) = (prev["end_byte"].as_u64()?, row["start_byte"].as_u64()?);
    let gap = text.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?;
    if gap.is_empty() || !gap.chars().all(|c| c == ' ') {
        return None;
    }
    let first = usize::try_from(prev["start_byte"].as_u64()?).ok()?;
    let last = usize::try_from(row["end_byte"].as_u64()?).ok()?;
    let mut joined = prev.clone();
    joined["text"] = json!(text.get(first..last)?);
    joined["end_byte"] = json!(last);
    joined["value"] = json!(format!("{year}{rest}"));
    joined["resolution"] = json!("relative");
    Some(joined)
}

/// The rows of the dates the analysis found (those not `consumed` by a joined expression or a
/// stretch), then of the day-and-time expressions `joined`, each with its start byte.
fn date_rows(
    a: &Analysis,
    published: Option<chrono::NaiveDate>,
    joined: &[crate::time::timex::Joined],
    consumed: &[usize],
) -> Vec<(usize, serde_json::Value)> {
    // "the previous Friday": from the day the story is at
    let previous = crate::time::anchored::previous_weekdays(&a.text, &a.dates);
    // "at 10:35 a.m. (0735 GMT) Friday": a clock time on the one day its sentence names
    let mut clocks = crate::time::timex::clock_days(&a.dates, joined);
    let nearby =
        crate::time::timex::clock_days_nearby(&a.text, &a.article, &a.dates, joined, &clocks);
    clocks.extend(nearby);
    // a year-less day its tense sent most of a year off: the nearby one
    let day = published.or_else(|| a.article.published.as_ref().map(|p| p.date));
    let near = crate::time::near_days(&a.dates, day);
    let mut dates: Vec<(usize, serde_json::Value)> = a
        .dates
        .iter()
        .enumerate()
        .filter(|(i, _)| !consumed.contains(i))
        .map(|(i, t)| {
            let value = previous
                .iter()
                .chain(near.iter())
                .find(|(k, _)| *k == i)
                .map_or(&t.value, |(_, v)| v);
            let value = clocks
                .iter()
                .find(|(k, _)| *k == i)
                .map_or_else(|| value.to_json(), |(_, v)| json!(v));
            // "several years ago": no day, only the past
            let value = if crate::time::timex::vague_count_back(&a.text, t) {
                json!("PAST_REF")
            } else if let Some(week) = crate::time::timex::week_count_back(&a.text, t) {
                // "three weeks ago": the week, as the text counts
                json!(week)
            } else {
                value
            };
            // the words TIMEX3 takes: "Friday's" -> "Friday", "early November"
            let span = crate::time::extent::date_extent(&a.text, t);
            let j = json!({
                "text": span.slice(&a.text),
                "start_byte": span.start,
                "end_byte": span.end,
                "kind": t.kind,
                "value": value,
                "resolution": t.resolution,
                "tense": t.tense,
            });
            (span.start, j)
        })
        .collect();
    for (j, t) in joined
        .iter()
        .filter_map(|j| Some((j, a.dates.get(j.parts.0)?)))
    {
        let v = json!({
            "text": j.span.slice(&a.text),
            "start_byte": j.span.start,
            "end_byte": j.span.end,
            "kind": j.kind,
            "value": j.value,
            "resolution": t.resolution,
            "tense": t.tense,
        });
        dates.push((j.span.start, v));
    }
    dates
}

/// The rows of the `stretches`, then of the durations, sets, references, quarters, seasons
/// and narrative days no date or `joined` expression took, in TIMEX3 form.
fn timex_rows(
    a: &Analysis,
    published: Option<chrono::NaiveDate>,
    joined: &[crate::time::timex::Joined],
    stretches: Vec<crate::time::timex::Timex>,
) -> Vec<(usize, serde_json::Value)> {
    let taken: Vec<_> = a
        .dates
        .iter()
        .map(|t| t.span)
        .chain(joined.iter().map(|j| j.span))
        .collect();
    let published = published.or(a.article.published.as_ref().map(|p| p.date));
    let prose = a.article.prose(&a.text);
    let mut timexes = crate::time::timex::extract(&prose, &a.article, published, &taken);
    // "the next day", "earlier that day": from the story's last day
    let taken: Vec<_> = taken
        .into_iter()
        .chain(timexes.iter().map(|x| x.span))
        .collect();
    timexes.extend(crate::time::anchored::narrative_days(
        &prose, &a.article, published, &a.dates, &taken,
    ));
    stretches
        .into_iter()
        .chain(timexes)
        .map(|x| {
            let span = crate::time::extent::timex_extent(&a.text, x.span);
            let j = json!({
                "text": span.slice(&a.text),
                "start_byte": span.start,
                "end_byte": span.end,
                "kind": x.kind,
                "value": x.value,
            });
            (span.start, j)
        })
        .collect()
}
