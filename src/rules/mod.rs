//! The recovery rules: every plan and every edit is checked against them.
//!
//! [`check_plan`] takes a plan with its athlete (and, when there is one, the training
//! history) and returns findings: date, rule, severity, a plain-language message and a
//! suggested fix. The generator, the calendar and `stride check` all use it. Thresholds are
//! in [`limits`]; gaps that depend on the athlete come from [`profile::RecoveryProfile`].
//! Sources: `training-science.md` sections 3-5.
//!
//! The day-to-day rules judge each day by its **stress** ([`stress`]): the sum of its
//! sessions' loads and a class from light to very hard that comes from the hardest session
//! *and* the load. Long runs are tough sessions from 90 minutes, with marathon-pace work, or
//! when they carry the week's largest load; very hard over two hours. Two hard sessions on one
//! day add up to a very hard day.
//!
//! | rule | checks | severity |
//! | --- | --- | --- |
//! | R1 | never three days in a row at moderate or harder | error |
//! | R2 | easy, recovery, rest or cross-training days after a tough day, long runs included, at every level: 2 for beginners, else 1; 2 after a very hard day for masters (50+), after every tough day from 60; with a history whose check-ins show this athlete's recovery from long runs or interval-type sessions ([`crate::science::recovery_time`]), recovery days - 1 after those, never fewer than the table's and at most 3 ([`profile`]) | error |
//! | R3 | a rest or cross-training day each week (advanced, elite: a recovery-or-lighter day); a run dropped on a rest day makes it a training day | error |
//! | R4 | at most 2 (3) hard sessions a week besides the long run, two on one day counting two; two hard sessions on one day; beginners' long run not next to a hard day | warning (two on one day: error below advanced) |
//! | R5 | weekly volume (races left out) +10% at most over the larger of the two weeks before (warning), +30% over two weeks (error; against the larger of the weeks two and three back, so a cut-back week is no baseline; a week with days away, sick days, the graded return after them or a tune-up race is no baseline either); projected ACWR (over the rolling 7-day load) over 1.3 (warning), 1.5 (error), on days with training load once the 7-day window is in the plan | both |
//! | R6 | a cut-back week (at most 85% of the week before; a week with days off, a graded return or a tune-up race counts) every 3rd (beginners, 50+) or 4th week before the taper (and before the last 7 days, which are R7's) | warning |
//! | R7 | taper: the last 7 days at most 70% of the peak week (half, marathon: 60%, and the final two weeks average 75%), with a short faster session (neither asked for when days off or a graded return fall in the last two weeks); nothing hard in the two days before the race | warning; error |
//! | R8 | long run at most 30/35/40% of the week's running at 5+/4/3 running days (+10 points for half and marathon; marathon long runs up to 28 km or the time cap are exempt), 150 minutes (marathon: 180) | warning |
//! | R9 | at least 80% of running time easy over any 4 weeks | warning |
//! | R10 | one easy day per 3 km raced before the next tough session (the first days are R2's), after A and B races; nothing tough in the 3 days before a B race (its mini-taper); a C race is a hard session (R2, R4) | warning |
//! | R11 | workouts only on the athlete's available days (races excepted); no running on days away or sick days (cross-training on days away that allow it) | warning |
//! | R12 | no hard session or race-pace work when temperature plus dew point is over 180 °F ([`crate::science::conditions`]) | warning |
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::rules::{check_plan, CheckInput, Severity};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let findings = check_plan(&CheckInput::for_document(&doc).unwrap());
//! assert!(findings.iter().all(|f| f.severity != Severity::Error));
//! ```

mod checks;
mod facts;
pub mod preview;
pub mod profile;
pub mod stress;

use chrono::NaiveDate;

use crate::model::{Athlete, AthleteDocument, History, Plan, Settings};

pub use checks::{easy_days_after_race, history_weeks_before, limits};

/// R8's share limit of the long run for a number of running days in the week.
pub fn checks_long_run_share(running_days: usize, long_race: bool) -> f64 {
    checks::long_run_share(running_days, long_race)
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the plan can stand.
    Warning,
    /// Breaks a recovery principle; the plan should change.
    Error,
}

impl Severity {
    /// `warning` or `error`, as printed by `stride check`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The rules, R1 to R12.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Three moderate-or-harder days in a row.
    R1,
    /// Easy days after a hard day.
    R2,
    /// A light day each week.
    R3,
    /// Hard sessions per week; long run apart from hard days.
    R4,
    /// Volume progression and ACWR.
    R5,
    /// Cut-back weeks.
    R6,
    /// Taper.
    R7,
    /// Long run share and length.
    R8,
    /// Share of easy running.
    R9,
    /// Recovery after a race.
    R10,
    /// Available days.
    R11,
    /// Heat.
    R12,
}

impl Rule {
    /// `R1` ... `R12`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::R1 => "R1",
            Rule::R2 => "R2",
            Rule::R3 => "R3",
            Rule::R4 => "R4",
            Rule::R5 => "R5",
            Rule::R6 => "R6",
            Rule::R7 => "R7",
            Rule::R8 => "R8",
            Rule::R9 => "R9",
            Rule::R10 => "R10",
            Rule::R11 => "R11",
            Rule::R12 => "R12",
        }
    }
}

/// One problem found in a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The day it is about.
    pub date: NaiveDate,
    /// Which rule.
    pub rule: Rule,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl std::fmt::Display for Finding {
    /// The line `stride check` prints: `date<TAB>severity<TAB>rule<TAB>message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\t{}\t{}\t{}",
            self.date,
            self.severity.name(),
            self.rule.code(),
            self.message
        )
    }
}

/// What a check looks at.
#[derive(Clone, Copy, Debug)]
pub struct CheckInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The athlete it is for.
    pub athlete: &'a Athlete,
    /// Model settings (paces, cross-training factors).
    pub settings: &'a Settings,
    /// Training done before the plan, if known.
    pub history: Option<&'a History>,
}

impl<'a> CheckInput<'a> {
    /// The active plan of a document, with its athlete and history.
    pub fn for_document(doc: &'a AthleteDocument) -> Option<Self> {
        Some(CheckInput {
            plan: doc.active_plan()?,
            athlete: &doc.athlete,
            settings: &doc.settings,
            history: Some(&doc.history).filter(|h| !h.activities.is_empty()),
        })
    }
}

/// Checks a plan against every rule. Findings come sorted by date, errors first on a day.
/// With a history, the gaps after tough sessions follow the athlete's own recovery
/// ([`profile::RecoveryProfile::for_check`]).
pub fn check_plan(input: &CheckInput<'_>) -> Vec<Finding> {
    check_with_profile(input, &profile::RecoveryProfile::for_check(input))
}

/// [`check_plan`] with a profile worked out beforehand (the generator and the drop preview
/// check many plans for one athlete and history).
pub(crate) fn check_with_profile(
    input: &CheckInput<'_>,
    profile: &profile::RecoveryProfile,
) -> Vec<Finding> {
    let facts = facts::PlanFacts::for_check(input);
    let baselines = checks::Baselines::new(input, &facts);
    check_prepared(input, &facts, profile, &baselines)
}

/// Runs the rules over facts and baselines made beforehand (the drop preview reuses them).
fn check_prepared(
    input: &CheckInput<'_>,
    facts: &facts::PlanFacts,
    profile: &profile::RecoveryProfile,
    baselines: &checks::Baselines,
) -> Vec<Finding> {
    let mut findings = checks::run(input, facts, profile, baselines);
    findings.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(b.severity.cmp(&a.severity))
            .then(a.rule.cmp(&b.rule))
    });
    findings
}

/// True when a plan has no error-level findings.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
