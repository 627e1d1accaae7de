//! `suppression-unused`: a suppression comment that no longer hides any finding
//! (reported only with `--report-unused-suppressions` or `report-unused-suppressions = true`).

use super::{Context, Finding, RuleInfo, Severity};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "suppression-unused",
    default_severity: Severity::Warning,
    summary: "A suppression comment hides no finding any more (reported with --report-unused-suppressions).",
    description: "Once the text a suppression was written for is fixed or edited away, the comment stays behind and would hide a future, real finding. With `copydesk check --report-unused-suppressions` (or `report-unused-suppressions = true` in `.copydesk.toml`) every suppression that matched no finding is reported so it can be deleted. Suppressions of rules that are turned off, and of unknown rules (see `suppression-unknown-rule`), are not reported.",
    example_before: "<!-- copydesk-disable-next-line date-weekday-mismatch -->\nThe council met on Thursday.",
    example_after: "The council met on Thursday.",
};

/// Does nothing here: unused suppressions are known only after every other rule ran, so
/// [`super::run`] reports them.
pub fn check(_ctx: &Context, _out: &mut Vec<Finding>) {}
