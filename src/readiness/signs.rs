//! One function per warning sign; thresholds from [`super::limits`].

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::limits::*;
use super::{Sign, Status, Warning};
use crate::model::{
    Activity, AthleteDocument, Intensity, Step, WellnessEntry, Workout, WorkoutKind,
    format_duration,
};
use crate::science::charts::{hrv_normal, ln_rmssd, mean_sd, median};
use crate::science::paces::{athlete_vdot, race_time_s};
use crate::science::series::LoadSeries;

/// Every sign that fires as of `today`; without a baseline, also what the latest check-in
/// shows alone ([`first_days`]).
pub(super) fn all(
    doc: &AthleteDocument,
    today: NaiveDate,
    series: &LoadSeries,
    no_baseline: bool,
) -> Vec<Warning> {
    let days = by_date(&doc.history.wellness);
    let mut out: Vec<Warning> = [
        resting_hr(&days, today),
        hrv(&days, today),
        sleep(&days, today),
        streak(&days, today, Sign::Soreness, |e| e.soreness),
        streak(&days, today, Sign::Fatigue, |e| e.fatigue),
        streak(&days, today, Sign::Motivation, |e| e.motivation),
        wellness_score_sign(&days, today),
        sluggish(doc, today),
        performance_dip(doc, today),
    ]
    .into_iter()
    .flatten()
    .collect();
    out.extend(load_signs(series, today));
    if no_baseline {
        first_days(&days, today, &mut out);
    }
    out
}

fn by_date(wellness: &[WellnessEntry]) -> BTreeMap<NaiveDate, &WellnessEntry> {
    wellness.iter().map(|e| (e.date, e)).collect()
}

fn back(day: NaiveDate, n: i64) -> NaiveDate {
    day.checked_sub_days(Days::new(n.unsigned_abs()))
        .unwrap_or(NaiveDate::MIN)
}

/// Entries of the `n` days ending on `today` (oldest first; missing days are `None`).
fn window<'a>(
    days: &BTreeMap<NaiveDate, &'a WellnessEntry>,
    today: NaiveDate,
    n: i64,
) -> Vec<Option<&'a WellnessEntry>> {
    (0..n)
        .rev()
        .map(|i| days.get(&back(today, i)).copied())
        .collect()
}

fn resting_hr(days: &BTreeMap<NaiveDate, &WellnessEntry>, today: NaiveDate) -> Option<Warning> {
    let (span, needed) = RESTING_HR_WINDOW;
    let start = back(today, span - 1);
    let usual: Vec<f64> = days
        .range(back(start, RESTING_HR_BASELINE_DAYS)..start)
        .filter_map(|(_, e)| e.resting_hr_bpm.map(f64::from))
        .collect();
    let usual = crate::science::charts::usual_resting_hr(&usual)?;
    // (day, bpm above usual) of each reading in the window, oldest first.
    let readings: Vec<(NaiveDate, f64)> = window(days, today, span)
        .into_iter()
        .flatten()
        .filter_map(|e| e.resting_hr_bpm.map(|hr| (e.date, f64::from(hr) - usual)))
        .collect();
    let high = readings
        .iter()
        .filter(|(_, rise)| *rise >= RESTING_HR_RISE_BPM)
        .count();
    if high < needed {
        return None;
    }
    let red = readings
        .iter()
        .filter(|(_, rise)| *rise >= RESTING_HR_RED_BPM)
        .count()
        >= needed;
    // The count is of days over the threshold; the one value named is the latest reading's,
    // so a single high morning does not read as several.
    let latest = readings
        .last()
        .map(|(date, rise)| format!(" ({} {rise:+.0})", day_word(*date, today)))
        .unwrap_or_default();
    Some(Warning {
        sign: Sign::RestingHr,
        level: if red { Status::Red } else { Status::Amber },
        date: today,
        message: format!(
            "resting HR +{RESTING_HR_RISE_BPM:.0} bpm or more above your usual {usual:.0} on \
             {high} of the last {span} days{latest}"
        ),
    })
}

/// "today", "yesterday", else the weekday ("Fri").
fn day_word(date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        _ => date.format("%a").to_string(),
    }
}

fn hrv(days: &BTreeMap<NaiveDate, &WellnessEntry>, today: NaiveDate) -> Option<Warning> {
    let (span, needed) = HRV_WINDOW;
    let start = back(today, span - 1);
    let recent: Vec<f64> = days
        .range(start..=today)
        .filter_map(|(_, e)| ln_rmssd(e))
        .collect();
    let normal: Vec<f64> = days
        .range(back(start, HRV_BASELINE_DAYS)..start)
        .filter_map(|(_, e)| ln_rmssd(e))
        .collect();
    if recent.len() < needed {
        return None;
    }
    let (mean, sd) = hrv_normal(&normal)?;
    let (week, _) = mean_sd(&recent);
    let floor = mean - HRV_DROP_SD * sd;
    (week < floor).then(|| Warning {
        sign: Sign::Hrv,
        level: if week < mean - HRV_RED_SD * sd {
            Status::Red
        } else {
            Status::Amber
        },
        date: today,
        message: format!(
            "HRV {:.0} ms over the last {span} days, below your normal range (from {:.0} ms)",
            week.exp(),
            floor.exp()
        ),
    })
}

/// Days with a check-in in the last [`BASELINE_SPAN_DAYS`] days.
pub(super) fn check_in_days(doc: &AthleteDocument, today: NaiveDate) -> usize {
    let from = back(today, BASELINE_SPAN_DAYS - 1);
    let mut dates: Vec<NaiveDate> = doc
        .history
        .wellness
        .iter()
        .filter(|e| (from..=today).contains(&e.date) && e.records_anything())
        .map(|e| e.date)
        .collect();
    dates.sort();
    dates.dedup();
    dates.len()
}

/// While there is no baseline, the latest check-in alone: a short night or severe soreness,
/// unless a sign of the same kind fired already.
fn first_days(
    days: &BTreeMap<NaiveDate, &WellnessEntry>,
    today: NaiveDate,
    out: &mut Vec<Warning>,
) {
    let Some(last) = latest_day(days, today) else {
        return;
    };
    let Some(e) = days.get(&last) else {
        return;
    };
    let has = |out: &Vec<Warning>, sign| out.iter().any(|w: &Warning| w.sign == sign);
    if let Some(hours) = e.sleep_hours.filter(|h| *h < SHORT_SLEEP_HOURS)
        && !has(out, Sign::Sleep)
    {
        out.push(Warning {
            sign: Sign::Sleep,
            level: Status::Amber,
            date: last,
            message: format!("{hours:.1} h of sleep, under {SHORT_SLEEP_HOURS:.0} h"),
        });
    }
    if e.soreness == Some(SEVERE_SORENESS) && !has(out, Sign::Soreness) {
        out.push(Warning {
            sign: Sign::Soreness,
            level: Status::Amber,
            date: last,
            message: format!("very sore ({SEVERE_SORENESS} of 5)"),
        });
    }
}

fn sleep(days: &BTreeMap<NaiveDate, &WellnessEntry>, today: NaiveDate) -> Option<Warning> {
    let (span, needed) = SLEEP_WINDOW;
    let nights = window(days, today, span);
    let poor = nights
        .iter()
        .flatten()
        .filter(|e| e.sleep_quality.is_some_and(|q| q <= POOR_SLEEP_QUALITY))
        .count();
    let short = nights
        .iter()
        .flatten()
        .filter(|e| e.sleep_hours.is_some_and(|h| h < SHORT_SLEEP_HOURS))
        .count();
    let mut parts = Vec::new();
    if poor >= needed {
        parts.push(format!("poor sleep on {poor} of the last {span} nights"));
    }
    if short >= needed {
        parts.push(format!(
            "under {SHORT_SLEEP_HOURS:.0} h of sleep on {short} of the last {span} nights"
        ));
    }
    (!parts.is_empty()).then(|| Warning {
        sign: Sign::Sleep,
        level: Status::Amber,
        date: today,
        message: parts.join(", "),
    })
}

/// The latest check-in day, if it is recent enough to speak for today.
fn latest_day(days: &BTreeMap<NaiveDate, &WellnessEntry>, today: NaiveDate) -> Option<NaiveDate> {
    let (&last, _) = days.range(..=today).next_back()?;
    ((today - last).num_days() <= CHECK_IN_MAX_AGE_DAYS).then_some(last)
}

fn streak(
    days: &BTreeMap<NaiveDate, &WellnessEntry>,
    today: NaiveDate,
    sign: Sign,
    item: fn(&WellnessEntry) -> Option<u8>,
) -> Option<Warning> {
    let last = latest_day(days, today)?;
    let bad = |v: u8| {
        if sign == Sign::Motivation {
            v <= LOW_MOTIVATION
        } else {
            v >= HIGH_SORENESS_OR_FATIGUE
        }
    };
    let values: Vec<u8> = (0..)
        .map_while(|i| {
            days.get(&back(last, i))
                .and_then(|e| item(e))
                .filter(|v| bad(*v))
        })
        .collect();
    if values.len() < DAYS_IN_A_ROW {
        return None;
    }
    let severe = sign != Sign::Motivation && values[..DAYS_IN_A_ROW].iter().all(|v| *v == 5);
    let what = match sign {
        Sign::Soreness => "high soreness",
        Sign::Fatigue => "high fatigue",
        _ => "low motivation",
    };
    Some(Warning {
        sign,
        level: if severe { Status::Red } else { Status::Amber },
        date: last,
        message: format!("{what} for {} days in a row", values.len()),
    })
}

/// The sum of the six items with higher meaning better, scaled to six items when some are
/// missing; `None` with fewer than [`WELLNESS_MIN_ITEMS`].
pub(crate) fn wellness_score(e: &WellnessEntry) -> Option<f64> {
    let better = [e.sleep_quality, e.mood, e.motivation];
    let worse = [e.soreness, e.fatigue, e.stress];
    let items: Vec<f64> = better
        .into_iter()
        .flatten()
        .map(f64::from)
        .chain(worse.into_iter().flatten().map(|v| 6.0 - f64::from(v)))
        .collect();
    (items.len() >= WELLNESS_MIN_ITEMS)
        .then(|| items.iter().sum::<f64>() * 6.0 / items.len() as f64)
}

fn wellness_score_sign(
    days: &BTreeMap<NaiveDate, &WellnessEntry>,
    today: NaiveDate,
) -> Option<Warning> {
    let last = latest_day(days, today)?;
    let recent: Vec<f64> = window(days, last, WELLNESS_DAYS as i64)
        .into_iter()
        .map(|e| e.and_then(wellness_score))
        .collect::<Option<_>>()?;
    let start = back(last, WELLNESS_DAYS as i64 - 1);
    let mut baseline: Vec<f64> = days
        .range(back(start, WELLNESS_BASELINE_DAYS)..start)
        .filter_map(|(_, e)| wellness_score(e))
        .collect();
    let (quarter, middle) = if baseline.len() >= WELLNESS_MIN_BASELINE {
        baseline.sort_by(f64::total_cmp);
        let rank = baseline.len().div_ceil(4).max(1) - 1;
        (baseline[rank], median(baseline.clone())?)
    } else {
        (WELLNESS_ABSOLUTE_QUARTER, f64::INFINITY)
    };
    recent
        .iter()
        .all(|s| *s <= quarter && *s < middle)
        .then(|| Warning {
            sign: Sign::WellnessScore,
            level: Status::Amber,
            date: last,
            message: format!(
                "wellness score in your worst quarter ({quarter:.0} of 30 or lower) for {WELLNESS_DAYS} days"
            ),
        })
}

/// The RPE an easy workout was planned at: the middle of its steps' targets, else 2 for
/// recovery and 3 for easy running.
fn planned_rpe(planned: Option<&Workout>, kind: &WorkoutKind) -> f64 {
    let from_steps = planned.and_then(|w| {
        let rpes = w.steps.iter().flat_map(|s| match s {
            Step::Single(seg) => std::slice::from_ref(seg),
            Step::Repeat { segments, .. } => segments.as_slice(),
        });
        median(rpes.filter_map(|seg| seg.rpe).collect())
    });
    from_steps.unwrap_or(if kind.default_intensity() == Intensity::Recovery {
        2.0
    } else {
        3.0
    })
}

fn sluggish(doc: &AthleteDocument, today: NaiveDate) -> Option<Warning> {
    let (span, needed) = SLUGGISH_WINDOW;
    let since = back(today, SLUGGISH_MAX_AGE_DAYS - 1);
    let mut easy: Vec<&Activity> = doc
        .history
        .activities
        .iter()
        .filter(|a| {
            matches!(a.kind, WorkoutKind::Easy | WorkoutKind::Recovery)
                && a.rpe.is_some()
                && (since..=today).contains(&a.date())
        })
        .collect();
    easy.sort_by_key(|a| a.start);
    let last: Vec<&Activity> = easy.into_iter().rev().take(span).collect();
    let plan = doc.active_plan();
    let heavy = last
        .iter()
        .filter(|a| {
            let planned = a
                .planned_workout
                .and_then(|id| plan.and_then(|p| p.workout(id)));
            a.rpe.unwrap_or(0.0) - planned_rpe(planned, &a.kind) >= SLUGGISH_RPE_ABOVE
        })
        .count();
    (heavy >= needed).then(|| Warning {
        sign: Sign::Sluggish,
        level: Status::Amber,
        date: today,
        message: format!(
            "easy runs felt {SLUGGISH_RPE_ABOVE:.0}+ RPE harder than planned on {heavy} of the last {}",
            last.len()
        ),
    })
}

/// Seconds per metre of a run with a heart rate, or `None`.
fn pace_and_hr(a: &Activity) -> Option<(f64, f64)> {
    let d = a.distance_m.filter(|d| *d > 0.0)?;
    let hr = f64::from(a.avg_hr_bpm?);
    (a.kind.is_running() && !matches!(a.kind, WorkoutKind::Race { .. }) && a.duration_s > 0.0)
        .then_some((a.duration_s / d, hr))
}

fn performance_dip(doc: &AthleteDocument, today: NaiveDate) -> Option<Warning> {
    let recent_from = back(today, PACE_RECENT_DAYS - 1);
    let baseline_from = back(recent_from, PACE_BASELINE_DAYS);
    let runs = |from: NaiveDate, to: NaiveDate| -> Vec<(f64, f64)> {
        doc.history
            .activities
            .iter()
            .filter(|a| (from..to).contains(&a.date()))
            .filter_map(pace_and_hr)
            .collect()
    };
    let baseline = runs(baseline_from, recent_from);
    let ratios: Vec<f64> = runs(recent_from, today + Days::new(1))
        .into_iter()
        .filter_map(|(pace, hr)| {
            let similar: Vec<f64> = baseline
                .iter()
                .filter(|(_, h)| (h - hr).abs() <= SIMILAR_HR_BPM)
                .map(|(p, _)| *p)
                .collect();
            (similar.len() >= 2).then(|| pace / median(similar).unwrap_or(pace))
        })
        .collect();
    let mut parts = Vec::new();
    if let Some(ratio) = median(ratios).filter(|r| *r - 1.0 >= PACE_DIP_SHARE) {
        parts.push(format!(
            "pace at a similar heart rate {:.0}% slower than the 4 weeks before",
            (ratio - 1.0) * 100.0
        ));
    }
    parts.extend(race_dip(doc, today));
    (!parts.is_empty()).then(|| Warning {
        sign: Sign::PerformanceDip,
        level: Status::Amber,
        date: today,
        message: parts.join(", "),
    })
}

fn race_dip(doc: &AthleteDocument, today: NaiveDate) -> Option<String> {
    let vdot = athlete_vdot(&doc.athlete)?;
    let since = back(today, RACE_MAX_AGE_DAYS - 1);
    let defining = doc.athlete.recent_race.as_ref().and_then(|r| r.date);
    doc.history
        .activities
        .iter()
        .filter(|a| (since..=today).contains(&a.date()) && Some(a.date()) != defining)
        .filter_map(|a| match a.kind {
            WorkoutKind::Race { distance_m, .. } => {
                let predicted = race_time_s(vdot, distance_m).ok()?;
                let slower = a.duration_s / predicted - 1.0;
                (slower >= RACE_DIP_SHARE).then(|| {
                    let message = format!(
                        "the race on {} {:.0}% slower than your VDOT predicts ({} against {})",
                        a.start.format("%a %-d %b"),
                        slower * 100.0,
                        format_duration(a.duration_s),
                        format_duration(predicted)
                    );
                    (a.start, message)
                })
            }
            _ => None,
        })
        .max_by_key(|(start, _)| *start)
        .map(|(_, message)| message)
}

fn load_signs(series: &LoadSeries, today: NaiveDate) -> Vec<Warning> {
    let Some(day) = series
        .days_between(None, Some(today))
        .iter()
        .rev()
        .find(|d| !d.projected)
        .filter(|d| (today - d.date).num_days() <= CHECK_IN_MAX_AGE_DAYS)
    else {
        // Load figures of a history that ended long ago say nothing about today.
        return Vec::new();
    };
    let v = day.values;
    let mut out = Vec::new();
    if let Some(acwr) = v.acwr.filter(|a| *a >= ACWR_HIGH) {
        out.push(Warning {
            sign: Sign::Acwr,
            level: if acwr >= ACWR_RED {
                Status::Red
            } else {
                Status::Amber
            },
            date: day.date,
            message: format!("ACWR {acwr:.2}: this week's load is well above what you are used to"),
        });
    }
    if v.form < FORM_LOW {
        out.push(Warning {
            sign: Sign::Form,
            level: Status::Amber,
            date: day.date,
            message: format!("form {:.0}, below {FORM_LOW:.0}", v.form),
        });
    }
    if let Some(m) = v.monotony.filter(|m| *m > MONOTONY_HIGH) {
        out.push(Warning {
            sign: Sign::Monotony,
            level: Status::Amber,
            date: day.date,
            message: format!("monotony {m:.1}: too little difference between hard and easy days"),
        });
    }
    out
}
