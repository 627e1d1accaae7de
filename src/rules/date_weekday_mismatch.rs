//! `date-weekday-mismatch`: a weekday written with a date on which it does not fall.

use super::{finding, Context, Finding, Fix, RuleInfo, Severity};
use crate::time::lexicon::weekday_name;
use crate::time::{Raw, Value};
use chrono::{Datelike, Weekday};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-weekday-mismatch",
    default_severity: Severity::Warning,
    summary: "A weekday is written with a date that falls on another weekday.",
    description: "\"Thursday, Oct. 9, 2020\": October 9, 2020 was a Friday. For dates written without a year, the year is the one the publication date and the tense point to. Either the weekday or the date is wrong; the fix changes the weekday.",
    example_before: "The talks ended on Thursday, Oct. 9, 2020.",
    example_after: "The talks ended on Friday, Oct. 9, 2020.",
};

/// Reports each weekday that does not match its date.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = ctx.text();
    let a = ctx.analysis;
    // when the dateline itself is contradicted, year-less dates cannot be trusted
    let dateline_doubtful = ctx.dateline_verdict().is_some();
    for t in &a.dates {
        let Some(stated) = t.weekday else { continue };
        let Value::Date(d) = t.value else { continue };
        let explicit = matches!(t.raw, Raw::Date { y: Some(_), .. });
        if !explicit && (dateline_doubtful || a.article.published.is_none()) {
            continue;
        }
        let actual = d.weekday();
        if actual == stated.weekday {
            continue;
        }
        let date_text = t.span.slice(text);
        let word = stated.span.slice(text);
        let right = styled(actual, word);
        let year_note = if explicit {
            String::new()
        } else {
            format!(" (taking the year as {}, from the dateline)", d.year())
        };
        let mut f = finding(
            &INFO,
            stated.span,
            format!(
                "'{date_text}': {} was a {}, not a {}{year_note}. Check which of the weekday and the date is right.",
                d.format("%B %-d, %Y"),
                weekday_name(actual),
                weekday_name(stated.weekday)
            ),
        );
        f.fix = Some(Fix {
            title: format!("Change '{word}' to '{right}'"),
            replacement: right,
            span: stated.span,
        });
        out.push(f);
    }
}

/// The weekday name in the style of `like`: full or abbreviated, capitalised or not.
fn styled(wd: Weekday, like: &str) -> String {
    let full = weekday_name(wd);
    let base = if like.len() <= 4 {
        full[..3].to_string()
    } else {
        full.to_string()
    };
    if like.chars().all(|c| c.is_uppercase()) {
        base.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_lowercase) {
        base.to_lowercase()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    fn ids(text: &str) -> Vec<(String, String)> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .map(|f| {
                (
                    f.span.slice(text).to_string(),
                    f.fix.map(|x| x.replacement).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn flags_a_wrong_weekday_with_a_full_date() {
        let t = " date 2020-10-12 The talks ended on Thursday, Oct. 9, 2020, in Geneva.";
        assert_eq!(ids(t), [("Thursday".to_string(), "Friday".to_string())]);
    }

    #[test]
    fn year_less_date_uses_the_dateline_year() {
        let t = " date 2020-10-12 The talks ended on Thu., Oct. 8, after a week.";
        assert!(ids(t).is_empty());
        let t = " date 2020-10-12 The talks ended on Wed., Oct. 8, after a week.";
        assert_eq!(ids(t), [("Wed".to_string(), "Thu".to_string())]);
    }

    #[test]
    fn right_weekdays_are_clean() {
        assert!(
            ids(" date 2020-10-17 Marchers rallied Saturday, Oct. 17, 2020, in the capital.")
                .is_empty()
        );
        assert!(ids(" date 2020-10-11 The truce began Saturday (October 10th).").is_empty());
        assert!(ids("No dateline: it was Tuesday, February 2nd.").is_empty());
    }
}
