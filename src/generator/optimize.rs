//! The race-day optimiser: among plans that keep every recovery rule, the one the runner's
//! own model ([`crate::science::personal`]) predicts the best race day for.
//!
//! The search is over what the model can tell apart and a coach would vary: how far the
//! peak volume builds (the standard target, or 5% and 10% more or less, always within the
//! ramp, the days' minutes and the long-run rules, which the generator keeps), and the
//! taper's length, depth and form (a step taper, or one that cuts progressively to the
//! race week). Thomas & Busso 2005 found the model's best taper cut the load by about 31%
//! over about 19 days, and a progressive taper better than a step one only after an overload;
//! Banister 1999 found a fast, progressive cut better than a step (`training-science.md`
//! section 8). Every candidate is made by the generator, so it keeps the error-level rules;
//! one with more warnings than the standard plan is dropped, so the optimiser never trades a
//! rule for a predicted second. Optimising the bare model would taper for ever and build
//! without limit: the rules are what keep it honest.
//!
//! The standard plan is always a candidate, and it stays unless another predicts a gain of at
//! least [`SMALLEST_WORTHWHILE_SHARE`] of the race-to-race noise, so the result never
//! predicts worse than it and never changes the plan for a gain smaller than one race to the
//! next varies by. The order of the search is fixed, so the result is the same on every run.

use super::{GenerateError, GeneratorInput, PlanTuning, generate_tuned};
use crate::model::{AthleteDocument, History, Plan, Settings};
use chrono::Datelike;

use crate::rules::profile::RecoveryProfile;
use crate::rules::{CheckInput, check_plan, check_with_profile};
use crate::science::banister::{FitOptions, Model};
use crate::science::load::LoadContext;
use crate::science::paces::race_time_s;
use crate::science::personal::{self, DailyLoads};
use crate::science::recovery_time::PersonalRecovery;

/// The peak volumes tried, over the standard target.
pub const PEAK_SCALES: [f64; 5] = [1.0, 0.95, 1.05, 0.9, 1.1];
/// The last 7 days' shares of the peak week tried (R7 warns over 60% for a half or a
/// marathon, over 70% for shorter races).
pub const FINAL_WEEK_SHARES: [f64; 4] = [0.40, 0.45, 0.50, 0.60];

/// The smallest predicted gain worth departing from the standard plan for, as a share of
/// the race-to-race noise: Hopkins, Hawley & Burke 1999 (MSSE 31:472) put the smallest
/// worthwhile enhancement for an athlete at about 0.3 of their race-to-race variation. A
/// smaller gain is within what one race to the next varies by; the standard plan stays.
pub const SMALLEST_WORTHWHILE_SHARE: f64 = 0.3;

/// How a taper cuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaperForm {
    /// The race's standard taper.
    Standard,
    /// Every taper week at one share, between the peak and the race week.
    Step,
    /// Shares falling evenly from the peak toward the race week.
    Progressive,
}

/// One candidate taper.
#[derive(Clone, Debug, PartialEq)]
pub struct Taper {
    /// How it cuts.
    pub form: TaperForm,
    /// Full taper weeks before the race week, and their shares of the peak week.
    pub shares: Vec<f64>,
    /// The last 7 days' share of the peak week.
    pub final_share: f64,
}

impl Taper {
    /// A plain description: "2-week progressive taper (80%, 65%), race week 50%".
    pub fn describe(&self) -> String {
        let weeks = self.shares.len() + 1;
        let form = match self.form {
            TaperForm::Standard => "standard",
            TaperForm::Step => "step",
            TaperForm::Progressive => "progressive",
        };
        let shares: Vec<String> = self
            .shares
            .iter()
            .map(|s| format!("{:.0}%", 100.0 * s))
            .collect();
        let before = if shares.is_empty() {
            String::new()
        } else {
            format!(" ({})", shares.join(", "))
        };
        format!(
            "{weeks}-week {form} taper{before}, race week {:.0}%",
            100.0 * self.final_share
        )
    }
}

/// A plan with its predicted race day.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The shape it departs from the standard by.
    pub tuning: PlanTuning,
    /// Its taper.
    pub taper: Taper,
    /// The plan.
    pub plan: Plan,
    /// Predicted VDOT on race day, and the 80% band.
    pub vdot: (f64, f64, f64),
    /// Predicted race time, seconds.
    pub race_time_s: f64,
    /// Race-morning form (the settings' time constants).
    pub form: f64,
    /// Warnings the rules give it (it has no errors).
    pub warnings: usize,
}

/// What the optimiser found.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimized {
    /// The plan chosen: the best predicted, or the standard one when nothing beats it by a
    /// worthwhile gain.
    pub best: Candidate,
    /// The standard plan.
    pub standard: Candidate,
    /// Up to three plans with different tapers: the chosen one first, then the best
    /// predicted of the others.
    pub tapers: Vec<Candidate>,
    /// Candidates made and judged.
    pub tried: usize,
    /// The smallest gain over the standard plan a departure needed, VDOT.
    pub worthwhile_vdot: f64,
}

impl Optimized {
    /// One line on what was chosen and what it predicts against the standard plan.
    pub fn summary(&self) -> String {
        let b = &self.best;
        let chosen = if b.tuning.is_standard() {
            "the standard plan".to_owned()
        } else {
            format!(
                "{}, peak volume {:.0}% of the standard",
                b.taper.describe(),
                100.0 * b.tuning.peak_scale
            )
        };
        format!(
            "optimised over {} plans: {chosen}; predicted race-day VDOT {:.1} ({}), \
             standard plan {:.1}",
            self.tried,
            b.vdot.0,
            crate::model::format_duration(b.race_time_s),
            self.standard.vdot.0
        )
    }
}

/// The tapers tried for a race: the standard one first, then step and progressive tapers of
/// one week shorter to one week longer, at each final-week share.
pub fn tapers(distance_m: f64) -> Vec<Taper> {
    let standard = PlanTuning::default();
    let standard_shares = standard.taper_shares_for(distance_m);
    let limit = if distance_m >= super::HALF_MARATHON_M {
        crate::rules::limits::TAPER_FINAL_WEEK_LONG_RACE
    } else {
        crate::rules::limits::TAPER_FINAL_WEEK
    };
    let mut out = vec![Taper {
        form: TaperForm::Standard,
        shares: standard_shares.clone(),
        final_share: standard.final_week_share_for(distance_m),
    }];
    let base = standard_shares.len();
    for weeks in [base, base + 1, base.saturating_sub(1)] {
        for final_share in FINAL_WEEK_SHARES.into_iter().filter(|f| *f <= limit) {
            for form in [TaperForm::Progressive, TaperForm::Step] {
                let shares: Vec<f64> = (0..weeks)
                    .map(|i| match form {
                        TaperForm::Step => 0.5 * (1.0 + final_share),
                        _ => 1.0 - (1.0 - final_share) * (i + 1) as f64 / (weeks + 1) as f64,
                    })
                    .map(|s| (s * 100.0).round() / 100.0)
                    .collect();
                let taper = Taper {
                    form,
                    shares,
                    final_share,
                };
                // A step and a progressive taper are the same without full weeks.
                let same = out
                    .iter()
                    .any(|t| t.shares == taper.shares && t.final_share == taper.final_share);
                if !same {
                    out.push(taper);
                }
            }
        }
    }
    out
}

/// What a candidate is judged with: the model, and the loads of the training done.
pub struct Judge<'a> {
    /// The model.
    pub model: &'a Model,
    /// The daily loads of the history alone.
    pub history: &'a DailyLoads,
    /// Time constants shown as form.
    pub shown: &'a Model,
}

impl Judge<'_> {
    /// Predicted VDOT band and race-morning form for a plan, from the history and the plan's
    /// planned loads after the history's last day.
    pub fn judge(&self, plan: &Plan, context: &LoadContext) -> ((f64, f64, f64), f64) {
        let race = plan.goal.date;
        let daily = self.history.with_plan(plan, context);
        let day = usize::try_from(daily.index(race).max(0)).unwrap_or(0);
        let (g, h) = self.model.mornings(&daily.loads, daily.start, &[day])[0];
        let (f, a) = self.shown.mornings(&daily.loads, daily.start, &[day])[0];
        (self.model.band(g, h), f - a)
    }
}

/// Searches the plans for the best predicted race day.
///
/// # Errors
/// As the generator's, when not even the standard plan can be made.
pub fn optimize(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&History>,
    judge: &Judge<'_>,
) -> Result<Optimized, GenerateError> {
    let context = LoadContext::new(&input.athlete, settings);
    let distance = input.goal.distance_m;
    let history = history.filter(|h| !h.activities.is_empty());
    // One recovery profile for every candidate: the athlete and the history do not change.
    let profile = history.map(|h| {
        RecoveryProfile::for_athlete(&input.athlete, input.start.year())
            .with_personal(&PersonalRecovery::from_history(h))
    });
    let make = |tuning: PlanTuning, taper: Taper| -> Result<Candidate, GenerateError> {
        let plan = generate_tuned(input, settings, history, &tuning)?;
        let check = CheckInput {
            plan: &plan,
            athlete: &input.athlete,
            settings,
            history,
        };
        let warnings = match &profile {
            Some(profile) => check_with_profile(&check, profile),
            None => check_plan(&check),
        }
        .len();
        let (vdot, form) = judge.judge(&plan, &context);
        let race_time_s = race_time_s(
            vdot.0.clamp(
                crate::science::paces::MIN_VDOT,
                crate::science::paces::MAX_VDOT,
            ),
            distance,
        )
        .unwrap_or(f64::NAN);
        Ok(Candidate {
            tuning,
            taper,
            plan,
            vdot,
            race_time_s,
            form,
            warnings,
        })
    };
    let all_tapers = tapers(distance);
    let standard = make(PlanTuning::default(), all_tapers[0].clone())?;
    let mut tried = 1;
    let mut candidates = vec![standard.clone()];
    for (t, taper) in all_tapers.iter().enumerate() {
        for (s, &peak_scale) in PEAK_SCALES.iter().enumerate() {
            if t == 0 && s == 0 {
                continue;
            }
            let tuning = PlanTuning {
                peak_scale,
                taper_shares: (t > 0).then(|| taper.shares.clone()),
                final_week_share: (t > 0).then_some(taper.final_share),
            };
            tried += 1;
            let Ok(candidate) = make(tuning, taper.clone()) else {
                continue;
            };
            if candidate.warnings <= standard.warnings {
                candidates.push(candidate);
            }
        }
    }
    // Best first; the earlier (the standard first) wins a tie.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .vdot
            .0
            .total_cmp(&candidates[a].vdot.0)
            .then(a.cmp(&b))
    });
    // A departure from the standard plan must be worth it.
    let worthwhile = SMALLEST_WORTHWHILE_SHARE * judge.model.noise_sd();
    let chosen = order
        .first()
        .map(|&i| &candidates[i])
        .filter(|c| c.vdot.0 >= standard.vdot.0 + worthwhile)
        .unwrap_or(&standard)
        .clone();
    let mut picked = vec![chosen.clone()];
    for &i in &order {
        let c = &candidates[i];
        if picked.len() == 3 {
            break;
        }
        if picked.iter().all(|p| p.taper != c.taper) {
            picked.push(c.clone());
        }
    }
    Ok(Optimized {
        best: chosen,
        standard,
        tapers: picked,
        tried,
        worthwhile_vdot: worthwhile,
    })
}

/// The optimiser over a document's history, with the runner's fitted model when their races
/// allow one, else the population model; the athlete is the input's (its VDOT may differ
/// from the document's).
///
/// # Errors
/// As the generator's; a missing VDOT names the `vdot` field.
pub fn optimize_for_document(
    input: &GeneratorInput,
    doc: &AthleteDocument,
) -> Result<Optimized, GenerateError> {
    let mut doc = doc.clone();
    doc.athlete = input.athlete.clone();
    let daily = DailyLoads::of_history(&doc);
    let fit = personal::fit_over(&doc, &daily, FitOptions::default()).ok();
    let (model, _) =
        personal::model_for(&doc, &daily, fit.as_ref()).map_err(|e| GenerateError {
            kind: super::GenerateErrorKind::InvalidInput,
            field: "vdot",
            message: e.to_string(),
        })?;
    let shown = personal::lines_model(&doc);
    let judge = Judge {
        model: &model,
        history: &daily,
        shown: &shown,
    };
    let history = Some(&doc.history).filter(|h| !h.activities.is_empty());
    optimize(input, &doc.settings, history, &judge)
}
