//! Short recovery tips for the day after a hard session or when a warning sign fires.
//!
//! The habits are those of `training-science.md`, section 5 ("Recovery habits to suggest":
//! sleep, carbohydrate plus protein within an hour after a run, hydration, low-impact
//! cross-training, stretching, foam rolling, mental downtime), and on sick days and the return
//! after them the "neck check" of section 9; each tip is chosen by the situation it answers
//! and says why. What a tip says about today follows [`super::today_call`], as the first
//! suggested change does: when that is rest, no tip proposes a run today.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::model::{Activity, WorkoutKind};
//! use stride::readiness::{Readiness, tips};
//!
//! let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
//! let mut doc = stride::model::AthleteDocument::new(stride::model::Athlete::example());
//! let start = today.and_hms_opt(7, 0, 0).unwrap();
//! let mut run = Activity::from_planned(&stride::model::Workout::new(
//!     stride::model::WorkoutId(1), today, WorkoutKind::Intervals));
//! run.planned_workout = None;
//! run.duration_s = 3600.0;
//! doc.history.activities.push(run);
//! let list = tips(&doc, today, &Readiness::assess(&doc, today));
//! assert!(list.iter().any(|t| t.text.contains("protein")));
//! ```

use chrono::{Days, NaiveDate};

use super::suggest::{TodayCall, soreness_today, today_call};
use super::{Readiness, Sign, Status};
use crate::model::{AthleteDocument, Intensity, WorkoutKind};

/// One tip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tip {
    /// What to do.
    pub text: String,
    /// The situation it answers: "after yesterday's intervals", "resting HR is up".
    pub because: String,
}

fn tip(text: &str, because: impl Into<String>) -> Tip {
    Tip {
        text: text.to_owned(),
        because: because.into(),
    }
}

/// The tips for `today`, most pressing first (at most five).
pub fn tips(doc: &AthleteDocument, today: NaiveDate, readiness: &Readiness) -> Vec<Tip> {
    let mut out = Vec::new();
    // Sick today, or back from it in the last days: the neck check first (section 9).
    if let Some(plan) = doc.active_plan() {
        let sick_today = plan.day_off(today) == Some(crate::model::OffReason::Sick);
        let returning = plan.returning_on(today);
        if sick_today || returning {
            let because = if sick_today {
                "you are down as sick today"
            } else {
                "you are coming back from being sick"
            };
            out.push(tip(
                "Do the neck check: with symptoms only above the neck (runny nose, sore \
                 throat), an easy run may be fine; with fever, aches or a chest cold, rest.",
                because,
            ));
            if returning {
                out.push(tip(
                    "Keep the first runs back short and easy, and stop if you feel worse.",
                    because,
                ));
            }
        }
    }
    let yesterday = today - Days::new(1);
    let hard = |a: &&crate::model::Activity| {
        matches!(
            a.kind.default_intensity(),
            Intensity::Hard | Intensity::Race
        ) || matches!(a.kind, WorkoutKind::Long)
    };
    let today_hard = doc
        .history
        .activities
        .iter()
        .filter(|a| a.date() == today)
        .find(hard);
    let yesterday_hard = doc
        .history
        .activities
        .iter()
        .filter(|a| a.date() == yesterday)
        .find(hard);
    if let Some(a) = today_hard {
        let what = format!("after today's {}", a.kind.label().to_lowercase());
        out.push(tip(
            "Eat carbohydrate with some protein (about 20 g) within an hour of finishing.",
            what.clone(),
        ));
        out.push(tip(
            "Drink to replace what you sweated out: until your urine is pale again.",
            what,
        ));
    }
    // After a hard session already done today, what today should be is settled.
    let call = today_call(doc, today, readiness).filter(|_| today_hard.is_none());
    let very_sore = soreness_today(doc, today).is_some_and(|s| s >= super::limits::VERY_SORE_TODAY);
    match call {
        Some(TodayCall::Rest) if very_sore => out.push(tip(
            "Very sore: rest today rather than run; walk, stretch gently and foam-roll the sore muscles.",
            "soreness is high today",
        )),
        Some(TodayCall::Rest) => out.push(tip(
            "Rest today rather than run: a walk and some gentle stretching are plenty.",
            "a warning sign is strong",
        )),
        Some(TodayCall::RecoveryRun) => out.push(tip(
            "Keep today to a short recovery run at conversation pace, or rest.",
            "readiness is red",
        )),
        None => {
            if let Some(a) = yesterday_hard {
                out.push(tip(
                    "Keep today easy: a recovery run at conversation pace, or rest.",
                    format!("the day after {}", a.kind.label().to_lowercase()),
                ));
            }
        }
    }
    if readiness.has(Sign::Soreness) && !very_sore {
        out.push(tip(
            "Foam-roll and stretch the sore muscles for ten minutes; keep the next runs short and flat.",
            "soreness has not subsided",
        ));
    }
    if readiness.has(Sign::Sleep) || today_hard.is_some() || yesterday_hard.is_some() {
        out.push(tip(
            "Aim for 8 hours in bed tonight: go to bed 30 minutes earlier, dark and cool room, no screens for the last hour.",
            if readiness.has(Sign::Sleep) { "sleep has been poor" } else { "sleep is when the adaptation happens" },
        ));
    }
    if readiness.has(Sign::RestingHr) {
        out.push(tip(
            "Check for illness (sore throat, fever): if you feel ill, rest until your resting HR is back near usual. Drink well.",
            "resting HR is up",
        ));
    }
    if readiness.has(Sign::Fatigue)
        || readiness.has(Sign::Acwr)
        || readiness.has(Sign::Form)
        || readiness.status == Status::Red
    {
        let because = if readiness.has(Sign::Fatigue) {
            "fatigue is high"
        } else if readiness.has(Sign::Acwr) || readiness.has(Sign::Form) {
            "the load has risen faster than you are used to"
        } else {
            "readiness is red"
        };
        out.push(tip(
            "Make one of this week's easy runs low-impact cross-training (easy cycling or swimming): it keeps fitness with less pounding.",
            because,
        ));
    }
    if readiness.has(Sign::Motivation) || readiness.has(Sign::WellnessScore) {
        out.push(tip(
            "Take mental downtime: run once without a watch or a plan, with friends or somewhere new.",
            "you have been feeling low",
        ));
    }
    out.truncate(5);
    out
}
